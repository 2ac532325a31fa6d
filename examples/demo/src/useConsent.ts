import type { Consent } from '@verified-messenger/react'
import { useState } from 'react'

const storageKey = 'demo-consent'

/** The visitor's Messenger consent, remembered in localStorage; `'pending'` until they choose. */
export function useConsent(): [Consent, (consent: 'granted' | 'denied') => void] {
  const [consent, setConsent] = useState<Consent>(() => {
    const saved = localStorage.getItem(storageKey)
    return saved === 'granted' || saved === 'denied' ? saved : 'pending'
  })
  const choose = (next: 'granted' | 'denied') => {
    localStorage.setItem(storageKey, next)
    setConsent(next)
  }
  return [consent, choose]
}
