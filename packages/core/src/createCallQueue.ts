import { devWarning } from './devWarning'

/** How many calls wait for boot or consent before the oldest is dropped. */
export const CALL_QUEUE_LIMIT = 100

/** Calls held, in order, until the Messenger has booted. */
export interface CallQueue<T> {
  push(call: T): void
  /** Hands every held call to `run`, oldest first, and empties the queue. */
  flush(run: (call: T) => void): void
  clear(): void
}

/** Creates the bounded queue that keeps calls made before boot or while consent is pending. */
export const createCallQueue = <T>(limit = CALL_QUEUE_LIMIT): CallQueue<T> => {
  let calls: T[] = []
  return {
    push(call) {
      // Bounded so a page that never gets consent cannot grow memory without end.
      if (calls.push(call) > limit) {
        calls.shift()
        try {
          if (process.env.NODE_ENV !== 'production') {
            devWarning(
              `more than ${limit} calls waited for boot or consent, so the oldest was dropped: boot earlier or make fewer calls before boot.`,
            )
          }
        } catch {}
      }
    },
    flush(run) {
      const held = calls
      calls = []
      held.forEach(run)
    },
    clear() {
      calls = []
    },
  }
}
