import { verifyIdentity } from './identity'
import type { IdentityResponse } from './types'

/**
 * How long after the page was created a boot may use the identity the server rendered into it: a minute.
 * Later boots ask the identity endpoint, which knows who is signed in now.
 */
export const INITIAL_IDENTITY_MAX_AGE = 60_000

/** The identity a server rendered into the page, and the page-wide note of sessions that ended since. */
export interface RenderedIdentity {
  /**
   * The rendered identity for a boot of `userId`, used once: `null` for "nobody signed in", `undefined`
   * when there is none or it may be stale (too old, another user, expired, or a signed-in session of this
   * app ended in any tab since the render), and the endpoint must be asked.
   */
  take(userId: string | undefined): IdentityResponse | null | undefined
  /** Notes, for every tab of the browser, that a signed-in session of this app ended now. */
  sessionEnded(): void
}

/** Keeps `initial` (the `initialIdentity` option) for the first boot of the Messenger of `appId`. */
export const renderedIdentity = (
  appId: string,
  initial: IdentityResponse | null | undefined,
): RenderedIdentity => {
  const key = `verified-messenger:ended:${appId}`
  const createdAt = Date.now()
  // Storage can be missing or refuse (private modes): then nothing is noted, and only the age counts.
  const lastEnded = (write?: boolean) => {
    try {
      if (write) localStorage.setItem(key, String(Date.now()))
      return Number(localStorage.getItem(key))
    } catch {
      return 0
    }
  }
  return {
    take(userId) {
      const given = initial
      initial = undefined
      if (given === undefined || Date.now() - createdAt > INITIAL_IDENTITY_MAX_AGE) return
      if (lastEnded() >= createdAt) return
      if (given === null) return userId === undefined ? null : undefined
      try {
        return verifyIdentity(given, userId)
      } catch {
        // Stale (expired, or another user signed in since the render): the endpoint decides.
      }
    },
    sessionEnded: () => void lastEnded(true),
  }
}
