import type { AuthTokens, BootSettings, MessengerSpace } from './bootSettings'
import type { MessengerFeature } from './messengerFeature'

export type {
  AuthTokens,
  Avatar,
  BootSettings,
  Company,
  DataAttributes,
  IntercomSettings,
  MessengerAttributes,
  MessengerSpace,
  SnakeCase,
} from './bootSettings'
export type {
  CallInterceptor,
  LifecycleEvent,
  MessengerCall,
  MessengerFeature,
  MessengerHost,
  UpdatePayload,
  UpdateRoute,
} from './messengerFeature'

/** Whether the visitor allows the Messenger (and its cookies) on the page. */
export type Consent = 'granted' | 'pending' | 'denied'

/**
 * A consent that changes over time, such as a consent manager's (see the adapters in the README):
 * `getSnapshot` reads it now, `subscribe` calls the listener after every change and returns the
 * function that stops listening. Both are called unbound.
 * @example
 * const consent: ConsentSource = {
 *   getSnapshot: () => (window.myCmp?.allows('intercom') ? 'granted' : 'pending'),
 *   subscribe: (listener) => window.myCmp?.onChange(listener) ?? (() => {}),
 * }
 */
export interface ConsentSource {
  getSnapshot(): Consent
  subscribe(listener: () => void): () => void
}

/** Intercom data-hosting region; selects `api_base`. */
export type Region = 'us' | 'eu' | 'au'

/** Where the Messenger is in its life. */
export type MessengerStatus =
  | 'idle'
  | 'awaiting-consent'
  | 'loading'
  | 'identifying'
  | 'booted'
  | 'shut-down'
  | 'error'

/** The identity endpoint's 200 body (see the endpoint contract in the README). */
export interface IdentityResponse {
  user_id: string
  /** JWT mode: HS256 token signed with the Messenger secret. */
  intercom_user_jwt?: string
  /** Legacy mode: hex HMAC-SHA256 of `user_id`. */
  user_hash?: string
  /** JWT mode: the token's `exp`, in seconds since the epoch. */
  expires_at?: number
}

/** What a custom identity transport is told about the request it should make. */
export interface IdentityRequestContext {
  /** The user id the app asked to boot, when it named one. */
  userId?: string
  /** `'boot'` for the first request of a session, `'refresh'` for a JWT renewal. */
  reason: 'boot' | 'refresh'
  /** Aborted on timeout, shutdown or a user switch. */
  signal: AbortSignal
}

/**
 * Where the signed identity comes from: the endpoint URL, a URL with fetch options (credentials, a CSRF
 * header), or a function for a custom transport that resolves to the endpoint's body, or `null` when
 * nobody is signed in (the endpoint's 204 or 401).
 */
export type IdentitySource =
  | string
  | { url: string; init?: RequestInit }
  | ((context: IdentityRequestContext) => Promise<IdentityResponse | null>)

/** The verified identity the Messenger is booted with. `null` while anonymous or not booted. */
export interface VerifiedIdentity {
  userId: string
  method: 'jwt' | 'hmac'
  /** JWT mode: when the token expires, in seconds since the epoch. */
  expiresAt?: number
}

export type MessengerErrorCode =
  | 'IDENTITY_UNAUTHENTICATED'
  | 'IDENTITY_HTTP'
  | 'IDENTITY_NETWORK'
  | 'IDENTITY_TIMEOUT'
  | 'IDENTITY_INVALID'
  | 'IDENTITY_MISMATCH'
  | 'IDENTITY_EXPIRED'
  | 'SCRIPT_LOAD_FAILED'
  | 'BOOT_INTERRUPTED'

/** One immutable picture of the Messenger; a new object only when something changed. */
export interface MessengerSnapshot {
  status: MessengerStatus
  consent: Consent
  isOpen: boolean
  unreadCount: number
  identity: VerifiedIdentity | null
  /** The last identity or loading failure; cleared when the next boot is sent. */
  error: import('./MessengerError').MessengerError | null
}

/** Intercom's own callbacks, kept current without re-registering. */
export interface MessengerCallbacks {
  onShow?: () => void
  onHide?: () => void
  onUnreadCountChange?: (unreadCount: number) => void
  onUserEmailSupplied?: () => void
}

export interface MessengerOptions extends MessengerCallbacks {
  /** Your Intercom workspace (app) id. */
  appId: string
  /** Overrides `region`; e.g. `https://api-iam.eu.intercom.io`. */
  apiBase?: string
  /** Data-hosting region; default `'us'`. */
  region?: Region
  /** Widget script; default `https://widget.intercom.io/widget/<appId>`. */
  scriptUrl?: string
  cspNonce?: string
  crossOrigin?: 'anonymous' | 'use-credentials' | ''
  /** The visitor's choice, or a live source of it (a consent manager adapter). Default `'granted'`. */
  consent?: Consent | ConsentSource
  /** Where the signed identity comes from. Without it, `boot` is synchronous and unverified. */
  identity?: IdentitySource
  /**
   * The identity the server issued while rendering the page (the endpoint's 200 body), or `null` when it
   * knows nobody is signed in: the first boot uses it instead of asking `identity`, after the same checks as
   * an endpoint answer (the user the boot names, not expired). A stale one falls back to `identity`; renewals
   * always ask `identity`.
   * @example
   * createMessenger({ appId, identity: '/api/intercom/identity', initialIdentity: await issueIdentity(user) })
   */
  initialIdentity?: IdentityResponse | null
  onLoad?: () => void
  onLoadFailed?: (error: import('./MessengerError').MessengerError) => void
  onIdentityError?: (error: import('./MessengerError').MessengerError) => void
}

/** The object that owns the Messenger on the page. */
export interface Messenger {
  /**
   * Boots the Messenger. Without `identity` configured it writes `window.intercomSettings` and calls
   * `Intercom('boot')` at once; with `identity` it resolves when booted verified (or anonymous after a
   * 401) and rejects with a `MessengerError` when identity failed.
   */
  boot(settings?: BootSettings): Promise<void>
  /**
   * Sends changed settings to Intercom and merges them into `window.intercomSettings`; without settings
   * it asks Intercom to look for new messages (sent with `last_request_at`, as react-use-intercom does).
   */
  update(settings?: BootSettings): void
  /**
   * Sets or renews the user's data connector tokens without a full `update`. Given before boot, they go
   * with the boot; a `shutdown` or a boot for another user forgets them.
   */
  setAuthTokens(authTokens: AuthTokens): void
  /** Ends the session and deletes `window.intercomSettings`; a pending identity response is discarded. */
  shutdown(): void
  /** `shutdown` plus removing the `Intercom` global and the script tag. */
  hardShutdown(): void
  /**
   * Signs the visitor out without the Messenger ever vouching for them again: shuts down at once, removes
   * this app's `intercom-*` cookies, awaits `appSignOut` (your own sign-out, which ends the server session),
   * then boots an anonymous visitor without asking the identity endpoint. If `appSignOut` throws, the
   * Messenger stays shut down and the promise rejects with its error.
   * @example
   * await signOut(() => fetch('/api/session', { method: 'DELETE' }))
   */
  signOut(appSignOut?: () => unknown): Promise<void>
  setConsent(consent: Consent): void
  hide(): void
  show(): void
  showSpace(space: MessengerSpace): void
  showMessages(): void
  showNewMessage(prefilledMessage?: string): void
  startConversation(prefilledMessage?: string): void
  trackEvent(event: string, metadata?: object): void
  startTour(tourId: number): void
  showArticle(articleId: number): void
  showNews(newsItemId: number): void
  startSurvey(surveyId: number): void
  startChecklist(checklistId: number): void
  showTicket(ticketId: number): void
  showConversation(conversationId: number): void
  hideNotifications(hidden: boolean): void
  /** The visitor id Intercom assigned, or `''` until the widget has loaded. */
  getVisitorId(): string
  /** Resolves when the Messenger has booted, rejects when its boot failed; waits while nothing is booting. */
  ready(): Promise<void>
  subscribe(listener: () => void): () => void
  getSnapshot(): MessengerSnapshot
  /** The snapshot the Messenger was created with, which is what a server rendered (for hydration). */
  getServerSnapshot(): MessengerSnapshot
  /**
   * Attaches an opt-in feature (page views, the launcher, tab sync, ...) through the one extension
   * point; returns the function that detaches it.
   * @example
   * const detach = messenger.extend((host) => host.intercept((call, next) => next(call)))
   */
  extend(feature: MessengerFeature): () => void
  /** Stops timers and listeners this object owns (a consent source's too); the Messenger itself is left as it is. */
  destroy(): void
}
