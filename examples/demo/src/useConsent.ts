import type { Consent, ConsentSource } from '@verified-messenger/react'
import { useSyncExternalStore } from 'react'

const storageKey = 'demo-consent'
const listeners = new Set<() => void>()
const saved = localStorage.getItem(storageKey)
let consent: Consent = saved === 'granted' || saved === 'denied' ? saved : 'pending'

/**
 * The visitor's Messenger consent, remembered in localStorage; `'pending'` until they choose. A live
 * source, as a consent manager's adapter is: the Messenger hears a choice in the click itself, so the
 * widget's script is requested before React re-renders the page.
 */
export const demoConsent: ConsentSource & { choose(next: 'granted' | 'denied'): void } = {
  getSnapshot: () => consent,
  subscribe(listener) {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  choose(next) {
    localStorage.setItem(storageKey, next)
    consent = next
    for (const listener of listeners) listener()
  },
}

/** The visitor's consent for components that show it. */
export function useConsent(): [Consent, (consent: 'granted' | 'denied') => void] {
  return [useSyncExternalStore(demoConsent.subscribe, demoConsent.getSnapshot), demoConsent.choose]
}
