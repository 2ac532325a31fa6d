import { devWarning } from './devWarning'

/** How many calls wait for boot or consent before the oldest is dropped. */
export const CALL_QUEUE_LIMIT = 100

/** A call the app made: the method's name and its arguments. */
export type Call = [name: string, args: unknown[]]

/**
 * Calls held, in order, until a boot is sent. Each belongs to the session it was made in (`0` while no
 * boot was asked for, which the first session takes): it reaches Intercom in that session or not at all.
 */
export interface CallQueue {
  push(session: number, call: Call): void
  /** Hands the calls of `session` (and those made before any boot) to `run`, oldest first; drops the rest. */
  flush(session: number, run: (call: Call) => void): void
  /** `session` ended: its calls go to the next session when `carry` is set, else nowhere. */
  release(session: number, carry: boolean): void
  clear(): void
}

/** Creates the bounded queue that keeps calls made before boot or while consent is pending. */
export const createCallQueue = (limit = CALL_QUEUE_LIMIT): CallQueue => {
  let calls: [number, Call][] = []
  return {
    push(session, call) {
      // Bounded so a page that never gets consent cannot grow memory without end.
      if (calls.push([session, call]) > limit) {
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
    flush(session, run) {
      const held = calls
      calls = []
      for (const [owner, call] of held) if (!owner || owner === session) run(call)
    },
    release(session, carry) {
      calls = calls.flatMap(([owner, call]): [number, Call][] =>
        owner !== session ? [[owner, call]] : carry ? [[session + 1, call]] : [],
      )
    },
    clear() {
      calls = []
    },
  }
}
