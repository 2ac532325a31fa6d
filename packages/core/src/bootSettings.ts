// The settings `boot` and `update` take, and how they reach Intercom.

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
