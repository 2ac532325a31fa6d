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
