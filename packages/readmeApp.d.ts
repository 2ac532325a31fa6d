// What the README examples leave to the reader's own app (its router, forms, session lookup, the values an
// earlier example made), declared so each example type-checks as written: packages/readmeExamples.test.ts.
// Nothing of the SDK belongs here: an example that uses the SDK imports it. A script, not a module, so
// these are globals and ambient modules.

type ReadmeNode = import('react').ReactNode
type ReadmeIdentity = import('@verified-messenger/core').IdentityResponse
type ReadmeUser = import('@verified-messenger/signer').IntercomUser

interface User {
  id: string
  name: string
  email: string
}
declare const user: User
declare const currentUser: User | null
declare const userId: string
declare const appId: string
/** The Messenger an earlier example made with `createMessenger`. */
declare const messenger: import('@verified-messenger/core').Messenger
declare const csrf: string
declare const tokenFromYourServer: string
declare const renewedToken: string
declare const token: string
declare const unreadFromYourApi: number
declare const myRpc: {
  intercomIdentity(options: { signal: AbortSignal }): Promise<ReadmeIdentity | null>
}
declare const cookieBanner: { open(): void }
declare const usersBySession: Map<string, ReadmeUser>
declare function render(snapshot: import('@verified-messenger/core').MessengerSnapshot): void
declare function redirectToLogin(): void
declare function report(error: unknown): void
declare function readSessionCookie(cookieHeader: string | null): string
declare function sessionUser(cookieHeader: string | null): Promise<ReadmeUser | null>
declare function logIn(email: string, password: string): Promise<User>
declare function Routes(): ReadmeNode
declare function LoginForm(props: {
  onSubmit: (email: string, password: string) => void
}): ReadmeNode

declare module '@/lib/session' {
  export function getSession(
    request: Request,
  ): Promise<{ userId: string; email: string; name: string } | null>
  export function currentUser(): Promise<{ id: string; email: string; name: string } | null>
}

declare module '@/auth' {
  export function auth(): Promise<{ user?: { id: string; email: string; name: string } } | null>
}

declare module '*/session' {
  export function signIn(email: string, password: string): Promise<{ id: string }>
  export function signOut(): Promise<void>
}

declare module '*/SupportChat' {
  export function SupportChat(props: {
    userId: string | null
    initialIdentity: import('@verified-messenger/core').IdentityResponse | null
  }): import('react').ReactNode
}

declare module '*/App' {
  export function App(props: { user: { id: string; name: string } }): import('react').ReactNode
}
