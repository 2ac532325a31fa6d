type Callback = (lock: { name: string; mode: 'exclusive' }) => unknown

/**
 * Installs a `navigator.locks` (exclusive locks, queued in request order, `signal` to give up waiting)
 * shared by everything in the test, as Web Locks are shared by the tabs of one browser; jsdom has none.
 * Returns the function that removes it.
 */
export const installFakeLocks = (): (() => void) => {
  const queues = new Map<string, (() => void)[]>()
  const held = new Set<string>()
  const request = (
    name: string,
    ...[options, callback]: [Callback] | [{ signal?: AbortSignal }, Callback]
  ) => {
    if (typeof options === 'function') return request(name, {}, options)
    return new Promise((resolve, reject) => {
      const grant = () => {
        held.add(name)
        Promise.resolve()
          .then(() => callback?.({ name, mode: 'exclusive' }))
          .then(resolve, reject)
          .finally(() => {
            held.delete(name)
            queues.get(name)?.shift()?.()
          })
      }
      if (!held.has(name)) return grant()
      const queue = queues.get(name) ?? []
      queues.set(name, queue)
      queue.push(grant)
      options.signal?.addEventListener('abort', () => {
        const waiting = queue.indexOf(grant)
        if (waiting < 0) return
        queue.splice(waiting, 1)
        reject(options.signal?.reason)
      })
    })
  }
  Object.defineProperty(navigator, 'locks', { value: { request }, configurable: true })
  return () => {
    Reflect.deleteProperty(navigator, 'locks')
  }
}
