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

/** Settings of one `update` call as `window.Intercom` receives them (snake_case). */
export type UpdatePayload = Record<string, unknown>

/**
 * Decides when an `update` reaches Intercom: `send` it now, later (merged with others), or not at all.
 * The page views feature keeps Intercom's update throttle with one.
 */
export type UpdateRoute = (settings: UpdatePayload, send: (settings: UpdatePayload) => void) => void

/** An app call on its way to Intercom: the method's name and its arguments (`update`'s in snake_case). */
export type MessengerCall = [name: string, args: unknown[]]

/**
 * Sees every app call (`update`, `trackEvent`, `show`, ...) before it reaches Intercom, and passes it on
 * with `next`: now, later, changed, or not at all. Whatever it passes still goes through the kernel's
 * identity filter and belongs to the session the app made it in.
 * @example
 * // Drops every trackEvent named 'noise'.
 * const quiet: CallInterceptor = (call, next) => {
 *   if (call[0] !== 'trackEvent' || call[1][0] !== 'noise') next(call)
 * }
 */
export type CallInterceptor = (call: MessengerCall, next: (call: MessengerCall) => void) => void

/** What a feature attached with `messenger.extend` may use besides the Messenger's public methods. */
export interface MessengerHost {
  readonly messenger: Messenger
  /** The options the Messenger was created with (`appId`, `identity`, ...). */
  readonly options: Readonly<MessengerOptions>
  /** Routes every later app call through `interceptor`, until the feature is detached. */
  intercept(interceptor: CallInterceptor): void
  /**
   * Downloads the widget script without booting, so a later `boot()` waits only for what is left; does
   * nothing while consent is not granted. A failure is reported by the boot that uses the script.
   */
  load(): void
  /** Calls `listener` after each lifecycle event (a boot asked for, identified, loaded, ended, ...). */
  on(listener: (event: LifecycleEvent) => void): void
}

/**
 * An opt-in capability: attaches to the Messenger through its host and may return a function that
 * detaches it (the kernel removes its interceptors and listeners by itself).
 * @example
 * const logCalls: MessengerFeature = (host) => host.intercept((call, next) => next(call))
 * const detach = messenger.extend(logCalls)
 */
export type MessengerFeature = (host: MessengerHost) => unknown

/** One step of the Messenger's lifecycle, as `MessengerHost.on` reports it. */
export type LifecycleEvent = import('./lifecycle').KernelEvent

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

export interface Company {
  companyId: string
  name?: string
  createdAt?: string | number
  plan?: string
  monthlySpend?: number
  userCount?: number
  size?: number
  website?: string
  industry?: string
  customAttributes?: Record<string, unknown>
}

export interface Avatar {
  /** Intercom's value is `'avatar'`. */
  type: 'avatar' | (string & {})
  imageUrl?: string
}

/**
 * Per-user tokens (name to token, e.g. a JWT) that Fin's data connectors send to your API, as
 * Intercom's `auth_tokens`. Set them with `boot`/`update` (`authTokens`) or `setAuthTokens`.
 */
export type AuthTokens = Record<string, string>

/** A Messenger space `showSpace` opens. */
export type MessengerSpace =
  | 'home'
  | 'messages'
  | 'help'
  | 'news'
  | 'tasks'
  | 'tickets'
  | (string & {})

/** Messenger appearance settings (camelCase; sent to Intercom in snake_case). */
export interface MessengerAttributes {
  customLauncherSelector?: string
  /** `'left'` or `'right'` (Intercom treats anything else as right). */
  alignment?: 'left' | 'right' | (string & {})
  verticalPadding?: number
  horizontalPadding?: number
  /** Default `2147483001`. */
  zIndex?: number
  hideDefaultLauncher?: boolean
  sessionDuration?: number
  actionColor?: string
  backgroundColor?: string
  linkColor?: string
  themeMode?: 'light' | 'dark' | 'system'
  /** Loads one of the workspace's Messenger styles by its id. */
  messengerStyleId?: string
  /** Hides in-app notifications from boot on; `hideNotifications()` toggles them later. */
  hideNotifications?: boolean
}

/** Data attributes of the user (camelCase; sent to Intercom in snake_case, `customAttributes` spread in). */
export interface DataAttributes {
  email?: string
  userId?: string
  createdAt?: string | number
  name?: string
  phone?: string
  lastRequestAt?: string | number
  unsubscribedFromEmails?: boolean
  languageOverride?: string
  utmCampaign?: string
  utmContent?: string
  utmMedium?: string
  utmSource?: string
  utmTerm?: string
  avatar?: Avatar
  /** Legacy identity verification. Never a JWT: pass JWTs as `intercomUserJwt`. */
  userHash?: string
  /** Messenger security token (HS256 JWT signed by your server). */
  intercomUserJwt?: string
  company?: Company
  companies?: Company[]
  pageTitle?: string
  /**
   * Tokens for Fin's data connectors, sent as `auth_tokens` with their names unchanged. While `identity`
   * is configured they only ever go with the boot of the user they were given for.
   */
  authTokens?: AuthTokens
  customAttributes?: Record<string, unknown>
}

/** Settings for `boot` and `update`. */
export type BootSettings = MessengerAttributes & DataAttributes

/** A camelCase key in Intercom's snake_case: `'userId'` -> `'user_id'`. */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S

/**
 * Camel-case settings as `window.Intercom` receives them: keys in snake_case at every depth, and
 * `customAttributes` spread into the object that held them.
 */
export type IntercomSettings<T = BootSettings> = T extends string | number | boolean
  ? T
  : T extends readonly (infer Item)[]
    ? IntercomSettings<Item>[]
    : T extends object
      ? {
          [K in keyof T as K extends 'customAttributes'
            ? never
            : SnakeCase<K & string>]: IntercomSettings<T[K]>
        } & ('customAttributes' extends keyof T ? Record<string, unknown> : unknown)
      : T

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
