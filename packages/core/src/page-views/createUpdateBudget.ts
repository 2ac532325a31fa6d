import { devWarning } from '../devWarning'
import type { UpdatePayload, UpdateRoute } from '../types'

/** Intercom's documented throttle: `update` may be called this many times... */
export const UPDATE_LIMIT = 20
/** ...per this many milliseconds (30 minutes); calls beyond it are dropped by the widget. */
export const UPDATE_WINDOW = 30 * 60_000
// Updates in each window that bare page views leave to attribute changes.
const RESERVE = 5
// At most one bare page view per this many milliseconds, so page views alone never spend the window.
const SPACING = UPDATE_WINDOW / UPDATE_LIMIT

/** What an `UpdateBudget` did so far. */
export interface UpdateBudgetStats {
  /** `update` calls it let through. */
  sent: number
  /** Bare page views that were folded into another call instead of sent on their own. */
  coalesced: number
}

/** One page's share of Intercom's update throttle, as the route every `update` goes through. */
export interface UpdateBudget {
  /** The `UpdateRoute` to install with `messenger.routeUpdates`. */
  route: UpdateRoute
  /** Forgets attribute changes still held (the session they were meant for ended). */
  clear(): void
  /** Stops its timer and hands attribute changes still held to Intercom at once (a page view is dropped). */
  stop(): void
  readonly stats: UpdateBudgetStats
}

/**
 * Keeps every `update` within Intercom's throttle (20 per 30 minutes, counted over any 30 minutes).
 * Attribute changes go first and are never dropped: while the budget is spent they are held, merged
 * (the latest value of each attribute wins) and sent as soon as it allows. Bare page views (an `update`
 * without settings) are coalesced: at most one every 90 seconds, only while 5 calls remain for
 * attribute changes, and folded into any attribute change sent meanwhile.
 */
export const createUpdateBudget = (): UpdateBudget => {
  // When each counted call was let through, oldest first.
  let sentAt: number[] = []
  let held: UpdatePayload | undefined
  let pageView = false
  let lastPageView = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | undefined
  let deliver: (settings: UpdatePayload) => void = () => {}
  let warned = false
  const stats: UpdateBudgetStats = { sent: 0, coalesced: 0 }

  const send = (settings: UpdatePayload, now: number) => {
    sentAt.push(now)
    lastPageView = now
    pageView = false
    stats.sent++
    deliver(settings)
  }

  // The time at which `free` more calls fit in the window.
  const freeAt = (free: number, now: number) =>
    (sentAt[sentAt.length - UPDATE_LIMIT + free - 1] ?? now - UPDATE_WINDOW) + UPDATE_WINDOW

  const pump = () => {
    clearTimeout(timer)
    timer = undefined
    const now = Date.now()
    sentAt = sentAt.filter((at) => at > now - UPDATE_WINDOW)
    const free = UPDATE_LIMIT - sentAt.length
    let next: number | undefined
    if (held) {
      if (free > 0) {
        const settings = held
        held = undefined
        warned = false
        send(settings, now)
      } else {
        next = freeAt(1, now)
        try {
          if (process.env.NODE_ENV !== 'production' && !warned) {
            devWarning(
              `Intercom allows ${UPDATE_LIMIT} update calls per 30 minutes and this page has used them, so attribute changes are held until ${new Date(next).toLocaleTimeString()}: update attributes less often, or in one call.`,
            )
          }
        } catch {}
        warned = true
      }
    } else if (pageView) {
      next = Math.max(lastPageView + SPACING, free > RESERVE ? now : freeAt(RESERVE + 1, now))
      if (next <= now) {
        next = undefined
        send({}, now)
      }
    }
    if (next !== undefined) timer = setTimeout(pump, next - now)
  }

  return {
    route(settings, send) {
      deliver = send
      if (Object.keys(settings).length) held = { ...held, ...settings }
      else if (pageView) stats.coalesced++
      else pageView = true
      if (held && pageView) {
        // The attribute change carries the page view: Intercom logs one per update call.
        stats.coalesced++
        pageView = false
      }
      pump()
    },
    clear() {
      held = undefined
    },
    stop() {
      clearTimeout(timer)
      // Never silently: without the budget they go out now, and Intercom's throttle decides.
      if (held) deliver(held)
      held = undefined
      pageView = false
    },
    stats,
  }
}
