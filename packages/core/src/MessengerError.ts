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

// What to do about each failure. Filled only outside production (the guard is explained in devWarning.ts), so
// production errors say what happened and the advice is not downloaded with them.
const advice: Partial<Record<MessengerErrorCode, string>> = {}
try {
  if (process.env.NODE_ENV !== 'production') {
    Object.assign(advice, {
      IDENTITY_UNAUTHENTICATED:
        'sign the user in before boot({ userId }), or boot() without userId for an anonymous visitor',
      IDENTITY_HTTP: 'check its server logs',
      IDENTITY_NETWORK: 'check the network and the endpoint URL',
      IDENTITY_TIMEOUT: 'check that it is reachable',
      IDENTITY_INVALID:
        'answer {"user_id", "intercom_user_jwt"} or {"user_id", "user_hash"} as JSON, as the signer package does',
      IDENTITY_MISMATCH:
        'boot the user your server session holds, and sign the token for that same user_id',
      IDENTITY_EXPIRED: 'check the server clock and the token lifetime',
      SCRIPT_LOAD_FAILED:
        'check the network, your Content-Security-Policy and ad blockers, then call boot() again',
      BOOT_INTERRUPTED:
        'a shutdown(), signOut() or boot() of another user ended it first, so nobody was booted by it',
    } satisfies Record<MessengerErrorCode, string>)
  }
} catch {}

/** Creates the SDK's own errors: `what` happened, plus what to do about it in development builds. */
export const fail = (code: MessengerErrorCode, what: string, status?: number): MessengerError =>
  new MessengerError(code, advice[code] ? `${what}: ${advice[code]}.` : `${what}.`, status)
