import type { ConsentSource } from '../types'
import { createConsentSource } from './createConsentSource'

interface Didomi {
  getCurrentUserStatus(): { vendors: Record<string, { enabled?: boolean } | undefined> }
  isConsentRequired(): boolean
  shouldUserStatusBeCollected(): boolean
}

interface DidomiWindow {
  didomiOnReady?: ((didomi: Didomi) => void)[]
  didomiEventListeners?: { event: string; listener: () => void }[]
  Didomi?: Didomi
}

/** Options of `didomiConsent`. */
export interface DidomiConsentOptions {
  /** The vendor id the Messenger has in your Didomi notice, e.g. `'c:intercom'` for a custom vendor. */
  vendor: string
}

/**
 * Reads consent from Didomi: `'granted'` when `vendor` is enabled (or consent is not required for this
 * visitor), `'pending'` while Didomi still has to collect the visitor's choice, else `'denied'`. Uses
 * Didomi's `didomiOnReady` and `didomiEventListeners` queues, which work before the SDK loads, and
 * follows `consent.changed`.
 * @example
 * import { didomiConsent } from '@verified-messenger/core/didomi-consent'
 * const messenger = createMessenger({ appId: 'abc123', consent: didomiConsent({ vendor: 'c:intercom' }) })
 */
export const didomiConsent = ({ vendor }: DidomiConsentOptions): ConsentSource =>
  createConsentSource((set) => {
    const w = window as DidomiWindow
    let stopped = false
    const read = () => {
      const didomi = w.Didomi
      if (stopped || !didomi) return
      set(
        !didomi.isConsentRequired() || didomi.getCurrentUserStatus().vendors[vendor]?.enabled
          ? 'granted'
          : didomi.shouldUserStatusBeCollected()
            ? 'pending'
            : 'denied',
      )
    }
    // Didomi reads both queues when it initialises and picks up later pushes.
    w.didomiOnReady ??= []
    w.didomiOnReady.push(read)
    w.didomiEventListeners ??= []
    w.didomiEventListeners.push({ event: 'consent.changed', listener: read })
    // Its queues have no removal: a disconnected source ignores them instead.
    return () => {
      stopped = true
    }
  })
