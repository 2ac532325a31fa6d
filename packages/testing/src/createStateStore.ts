/** A value that changes over time, read with `get` and watched with `subscribe`. */
export interface StateStore<T> {
  get(): T
  /** Replaces the value with a new frozen object and notifies, only when a field really changed. */
  set(patch: Partial<T>): void
  subscribe(listener: () => void): () => void
}

/** Creates the observable behind `FakeMessenger.state` and `subscribe`. */
export function createStateStore<T extends object>(initial: T): StateStore<T> {
  let state = Object.freeze({ ...initial })
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    set(patch) {
      const keys = Object.keys(patch) as (keyof T)[]
      if (!keys.some((key) => !Object.is(patch[key], state[key]))) return
      state = Object.freeze({ ...state, ...patch })
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
