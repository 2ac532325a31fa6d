import type { MessengerErrorCode } from './types'

/**
 * What went wrong while identifying the user or loading the Messenger; switch on `code`.
 * @example
 * messenger.boot({ userId }).catch((error) => {
 *   if (error instanceof MessengerError && error.code === 'IDENTITY_UNAUTHENTICATED') signIn()
 * })
 */
export class MessengerError extends Error {
  override name = 'MessengerError'
  constructor(
    readonly code: MessengerErrorCode,
    message: string,
    /** The identity endpoint's HTTP status, for `IDENTITY_HTTP`. */
    readonly status?: number,
  ) {
    super(`[verified-messenger/core] ${message}`)
  }
}

/**
 * Each failure told as a sentence (from the short `detail` its call site gives) and what to do about it.
 * Filled only outside production (the guard is explained in devWarning.ts), so production bundles carry
 * no sentences: their errors keep the tag, the stable `code` and the detail, like React's minified errors.
 */
const explain: Partial<Record<MessengerErrorCode, (detail?: string | number) => string>> = {}
try {
  if (process.env.NODE_ENV !== 'production') {
    const endpoint = 'The identity endpoint'
    Object.assign(explain, {
      IDENTITY_UNAUTHENTICATED: (detail) =>
        detail === 'renewal'
          ? `${endpoint} answered that nobody is signed in to a token renewal, so the Messenger now runs anonymous: sign the user in again, then boot({ userId })`
          : `${endpoint} answered that nobody is signed in to boot({ userId }): sign the user in before boot({ userId }), or boot() without userId for an anonymous visitor`,
      IDENTITY_HTTP: (status) => `${endpoint} answered HTTP ${status}: check its server logs`,
      IDENTITY_NETWORK: (cause) =>
        `The identity request failed (${cause}): check the network and the endpoint URL`,
      IDENTITY_TIMEOUT: (ms) => `${endpoint} timed out after ${ms} ms: check that it is reachable`,
      IDENTITY_INVALID: (detail) =>
        `${
          detail === 'json'
            ? `${endpoint} did not answer JSON`
            : detail === 'jwt'
              ? `${endpoint} sent an intercom_user_jwt that is not a JWT`
              : `${endpoint} sent no user_id with an intercom_user_jwt or hex user_hash`
        }: answer {"user_id", "intercom_user_jwt"} or {"user_id", "user_hash"} as JSON, as the signer package does`,
      IDENTITY_MISMATCH: (detail) =>
        `${
          detail === 'jwt'
            ? `${endpoint}'s JWT is for another user_id than its response`
            : `${endpoint} vouched for another user than boot() asked for`
        }: boot the user your server session holds, and sign the token for that same user_id`,
      IDENTITY_EXPIRED: () =>
        `${endpoint}'s JWT has already expired: check the server clock and the token lifetime`,
      SCRIPT_LOAD_FAILED: (src) =>
        `The Intercom widget script ${src} failed to load: check the network, your Content-Security-Policy and ad blockers, then call boot() again`,
      BOOT_INTERRUPTED: () =>
        'The boot was interrupted: a shutdown(), signOut() or boot() of another user ended it first, so nobody was booted by it',
    } satisfies Record<MessengerErrorCode, (detail?: string | number) => string>)
  }
} catch {}

/**
 * Creates the SDK's own errors. `detail` is the fact that tells this failure from others with its code (the
 * HTTP status, the script's URL, which check failed); development builds turn it into a sentence.
 */
export const fail = (code: MessengerErrorCode, detail?: string | number): MessengerError =>
  new MessengerError(
    code,
    `${explain[code]?.(detail) ?? (detail === undefined ? code : `${code} (${detail})`)}.`,
    code === 'IDENTITY_HTTP' ? (detail as number) : undefined,
  )
