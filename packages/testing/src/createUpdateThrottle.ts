/** How many `update` calls Intercom's widget takes per window (its documented throttle). */
export const UPDATE_LIMIT = 20
/** The throttle's window: 30 minutes from the first call counted in it. */
export const UPDATE_WINDOW = 30 * 60_000

/** Decides, call by call, whether the widget still takes an `update`. */
export interface UpdateThrottle {
  /** Counts one call; `false` once 20 calls were taken in the current 30-minute window. */
  take(): boolean
}

/**
 * Intercom's documented update throttle: "You can call Intercom('update') without getting throttled up to
 * 20 times per 30 minutes. After the 20th call, you'll be throttled and the quota of 20 calls will get
 * reset every 30 minutes. Reloading the page will refresh this state." The window starts with the first
 * call after the previous one ran out.
 */
export function createUpdateThrottle(): UpdateThrottle {
  let windowStart = Number.NEGATIVE_INFINITY
  let taken = 0
  return {
    take() {
      const now = Date.now()
      if (now - windowStart >= UPDATE_WINDOW) {
        windowStart = now
        taken = 0
      }
      return ++taken <= UPDATE_LIMIT
    },
  }
}
