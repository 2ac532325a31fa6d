const noop = () => {}

/** The promise one session's `boot()` returns, and whether it has settled. */
export interface BootPromise {
  promise: Promise<void>
  /** Resolves, or rejects with `error`. */
  settle(error?: unknown): void
  settled?: boolean
}

const bootPromise = (): BootPromise => {
  let settle: BootPromise['settle'] = noop
  const promise = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error))
  })
  // Failures reach `error` and onIdentityError too, so a caller that does not await is no unhandled rejection.
  promise.catch(noop)
  const boot: BootPromise = {
    promise,
    settle(error) {
      boot.settled = true
      settle(error)
    },
  }
  return boot
}

/** The `boot()` promises of a Messenger's sessions, by session number. */
export interface BootPromises {
  /** The promise of `session`, made when first asked for. */
  of(session: number): BootPromise
  /** Settles the promise of `session`; a failed one is forgotten, so a retry gets a new promise. */
  settle(session: number, error?: unknown): void
  /** `session` ended: its unsettled promise moves to the next session with `carry`, else rejects with `interrupted`. */
  end(session: number, carry: boolean, interrupted: () => unknown): void
}

/** Creates the registry of a Messenger's `boot()` promises. */
export const createBootPromises = (): BootPromises => {
  const boots = new Map<number, BootPromise>()
  const of = (session: number) => {
    const boot = boots.get(session) ?? bootPromise()
    boots.set(session, boot)
    return boot
  }
  return {
    of,
    settle(session, error) {
      const boot = of(session)
      if (error !== undefined) boots.delete(session)
      boot.settle(error)
    },
    end(session, carry, interrupted) {
      const boot = boots.get(session)
      boots.delete(session)
      if (boot && !boot.settled) {
        if (carry) boots.set(session + 1, boot)
        else boot.settle(interrupted())
      }
    },
  }
}
