import type { RefusalCode } from './identityRefusal'

/** One recorded call to `window.Intercom`, as `[method, ...args]`. */
export type FakeCall = [method: string, ...args: unknown[]]

/** Why the fake refused a boot, with the text it logged to the console. */
export interface FakeRefusal {
  code: RefusalCode
  message: string
}

/** The user the Messenger is booted as. */
export interface FakeUser {
  /** `null` for a user identified by email only. */
  userId: string | null
  email?: string
  name?: string
}

/** What the fake Messenger is showing right now; a new object on every change. */
export interface FakeMessengerState {
  /** Booted and accepted: anonymous at once, an identified user once the server verified them. */
  booted: boolean
  /** A boot or update is waiting for the server's identity check. */
  verifying: boolean
  /** The server verified `user`; `false` for anonymous visitors and when enforcement is off. */
  verified: boolean
  /** `null` for an anonymous visitor or when not booted. */
  user: FakeUser | null
  /** Shortcut for `user?.userId ?? null`. */
  userId: string | null
  /** Set when the last boot or update was refused; cleared by the next boot or shutdown. */
  refusal: FakeRefusal | null
  isOpen: boolean
  unreadCount: number
  /** How many `update` calls Intercom's throttle (20 per 30 minutes) dropped since the page loaded. */
  droppedUpdates: number
}

/** Options of `installFakeMessenger`; every field is optional. */
export interface FakeMessengerOptions {
  /** App id for cookie names when `boot` has no `app_id`. Default `'fake-app'`. */
  appId?: string
  /** The window to install into. Default the global `window`. */
  window?: Window
  /** Where identity checks go when `boot` has no `api_base`. Default `'https://api-iam.intercom.io'`. */
  apiBase?: string
  /** Refuse identified boots the server does not verify, like a workspace with Messenger security on. Default `true`. */
  enforceIdentity?: boolean
}

/** The handle `installFakeMessenger` returns: read what the page did, act as the user would. */
export interface FakeMessenger {
  /** Every call the page made to `window.Intercom`, in order (queued stub calls first). */
  readonly calls: FakeCall[]
  /**
   * The `update` calls the widget dropped because the page went over Intercom's throttle (20 per 30
   * minutes), in order; they are in `calls` too.
   */
  readonly dropped: FakeCall[]
  /** The current state. */
  readonly state: FakeMessengerState
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /**
   * Resolves once the page has no `fetch` request in flight (the app's identity request included, until
   * its body is read) and no identity check is running, so a boot the page started has been accepted or
   * refused.
   */
  settled(): Promise<void>
  /** The user opens the Messenger: fires `onShow`. Throws when it is not booted. */
  open(): void
  /** The user closes the Messenger: fires `onHide`. */
  close(): void
  /** New messages arrive (or are read): fires `onUnreadCountChange` when the count changes. */
  setUnreadCount(count: number): void
  /** A visitor types their email into the Messenger: fires `onUserEmailSupplied`. */
  supplyEmail(): void
  /** Removes `window.Intercom` and drops any identity check in flight. */
  uninstall(): void
}
