import type { FakeCall } from './types'

/** The callbacks a page registers through `Intercom('onShow', fn)` and its siblings. */
export type CallbackName = 'onShow' | 'onHide' | 'onUnreadCountChange' | 'onUserEmailSupplied'

const callbackNames = new Set<string>([
  'onShow',
  'onHide',
  'onUnreadCountChange',
  'onUserEmailSupplied',
])

/** What the page asked of `window.Intercom`: every call in order, and the callbacks it registered. */
export interface Recorder {
  /** Appended with `push`, one call at a time, so a test may watch the array itself. */
  readonly calls: FakeCall[]
  /** Records a call; a callback registration is also kept for `emit`. */
  record(call: FakeCall): void
  /** Calls every callback registered under `name`, in registration order. */
  emit(name: CallbackName, ...args: unknown[]): void
}

/** Creates the recorder behind `FakeMessenger.calls`. */
export function createRecorder(): Recorder {
  const calls: FakeCall[] = []
  const callbacks = new Map<string, ((...args: unknown[]) => void)[]>()
  return {
    calls,
    record(call) {
      calls.push(call)
      const [method, callback] = call
      if (callbackNames.has(method) && typeof callback === 'function') {
        callbacks.set(method, [...(callbacks.get(method) ?? []), callback as () => void])
      }
    },
    emit(name, ...args) {
      for (const callback of callbacks.get(name) ?? []) callback(...args)
    },
  }
}
