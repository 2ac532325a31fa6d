import type { Call } from './createCallQueue'
import type { KernelEvent } from './kernelState'
import type { CallInterceptor, MessengerFeature, MessengerHost } from './types'

/** The Messenger's one extension point: the features' interceptors and lifecycle listeners. */
export interface ExtensionPoint {
  /** Passes an app call through every interceptor, in the order they attached, then to `deliver`. */
  route(call: Call, deliver: (call: Call) => void): void
  /** Tells every listener about a lifecycle event. */
  emit(event: KernelEvent): void
  /** Attaches `feature` with what `host` offers; returns the function that detaches it and all it added. */
  attach(
    feature: MessengerFeature,
    host: Pick<MessengerHost, 'messenger' | 'options' | 'load'>,
  ): () => void
}

/** Creates a Messenger's extension point, with no feature attached. */
export const createExtensionPoint = (): ExtensionPoint => {
  const interceptors: CallInterceptor[] = []
  const listeners = new Set<(event: KernelEvent) => void>()
  return {
    route(call, deliver) {
      const pass =
        (index: number) =>
        (next: Call): void => {
          const interceptor = interceptors[index]
          interceptor ? interceptor(next, pass(index + 1)) : deliver(next)
        }
      pass(0)(call)
    },
    emit(event) {
      for (const listener of listeners) listener(event)
    },
    attach(feature, host) {
      const undo: (() => void)[] = []
      const detach = feature({
        ...host,
        intercept(interceptor) {
          interceptors.push(interceptor)
          undo.push(() => {
            const index = interceptors.indexOf(interceptor)
            if (index >= 0) interceptors.splice(index, 1)
          })
        },
        on(listener) {
          // Wrapped, so a feature attached twice is two listeners, each removed with its own feature.
          const own = (event: KernelEvent) => listener(event)
          listeners.add(own)
          undo.push(() => listeners.delete(own))
        },
      })
      return () => {
        for (const step of undo.splice(0)) step()
        if (typeof detach === 'function') detach()
      }
    },
  }
}
