import type { Consent, ConsentSource } from '../types'

/**
 * Connects to a consent manager and reports each answer it gives through `set`; returns the function that
 * disconnects.
 */
export type ConsentWatcher = (set: (consent: Consent) => void) => () => void

/**
 * The `ConsentSource` behind every consent manager adapter: `'pending'` until the manager answers, and
 * connected to it only while someone listens, so an adapter that is created but never used touches nothing.
 */
export const createConsentSource = (watch: ConsentWatcher): ConsentSource => {
  let consent: Consent = 'pending'
  let disconnect = () => {}
  const listeners = new Set<() => void>()
  const set = (next: Consent) => {
    if (next !== consent) {
      consent = next
      for (const listener of listeners) listener()
    }
  }
  return {
    getSnapshot: () => consent,
    subscribe(listener) {
      listeners.add(listener)
      if (listeners.size === 1) disconnect = watch(set)
      return () => {
        // Disconnecting twice is harmless: every adapter's disconnect is idempotent.
        listeners.delete(listener)
        if (!listeners.size) disconnect()
      }
    },
  }
}
