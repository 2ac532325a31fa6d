/** A value that changes over time, read with `get` and watched with `subscribe`. */
export interface Store<T> {
  get(): T
  /** Replaces the value with a new frozen object, and notifies, only when a field really changed. */
  set(patch: Partial<T>): void
  subscribe(listener: () => void): () => void
}

/** Creates the observable behind `subscribe`/`getSnapshot`, the shape `useSyncExternalStore` reads. */
export const createStore = <T extends object>(initial: T): Store<T> => {
  let state = Object.freeze(initial)
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    set(patch) {
      if ((Object.keys(patch) as (keyof T)[]).some((key) => !Object.is(patch[key], state[key]))) {
        state = Object.freeze({ ...state, ...patch })
        for (const listener of listeners) listener()
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
