/** How long before a JWT's `exp` it is renewed: 5 minutes, or half its remaining life when that is shorter. */
export const REFRESH_MARGIN = 5 * 60_000

// setTimeout fires at once for delays above this, so longer waits are taken in steps.
const MAX_DELAY = 2 ** 31 - 1

/**
 * Calls `renew` once a token expiring at `exp` (seconds since the epoch) is due for renewal, and at once
 * when the tab becomes visible after sleeping past that point (timers do not run in a sleeping tab).
 * Returns the function that cancels it.
 */
export const scheduleRefresh = (exp: number, renew: () => void): (() => void) => {
  const left = exp * 1000 - Date.now()
  const due = Date.now() + Math.max(left - REFRESH_MARGIN, left / 2)
  let timer: ReturnType<typeof setTimeout> | undefined
  const check = () => {
    clearTimeout(timer)
    if (Date.now() < due) timer = setTimeout(check, Math.min(due - Date.now(), MAX_DELAY))
    else {
      cancel()
      renew()
    }
  }
  const wake = () => {
    if (document.visibilityState === 'visible') check()
  }
  const cancel = () => {
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', wake)
  }
  document.addEventListener('visibilitychange', wake)
  check()
  return cancel
}
