type Fetch = typeof fetch

/** Requests a page has in flight; see `trackRequests`. */
export interface RequestTracker {
  /** Requests (and reads of their bodies) not yet settled. */
  pending(): Promise<unknown>[]
  /** Puts the page's own `fetch` back, unless something has replaced ours since. */
  restore(): void
}

const trackers = new WeakMap<Fetch, RequestTracker>()

// The ways a body is read: a request is in flight until the page has read what it asked for.
const bodyReaders = ['json', 'text', 'arrayBuffer', 'blob', 'formData'] as const

/**
 * Wraps `target.fetch` so the fake knows what the page is waiting for: a request counts from the call
 * until its response arrives, and each read of its body until that read ends. This is how `settled()`
 * waits for the app's identity request, which the page makes before Intercom hears of any boot.
 */
export function trackRequests(target: { fetch: Fetch }): RequestTracker {
  // A fake installed again on the same page (a test that never uninstalled the last one) shares its tracker.
  const existing = trackers.get(target.fetch)
  if (existing) return existing
  const pending = new Set<Promise<unknown>>()
  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise)
    const done = () => pending.delete(promise)
    promise.then(done, done)
    return promise
  }
  const original = target.fetch
  const tracked: Fetch = (input, init) =>
    track(
      original.call(target, input, init).then((response) => {
        for (const name of bodyReaders) {
          const read = response[name]
          Object.defineProperty(response, name, {
            configurable: true,
            value: () => track(read.call(response)),
          })
        }
        return response
      }),
    )
  const tracker: RequestTracker = {
    pending: () => [...pending],
    restore() {
      if (target.fetch === tracked) target.fetch = original
    },
  }
  target.fetch = tracked
  trackers.set(tracked, tracker)
  return tracker
}
