import type { ConsentSource } from '../types'
import { createConsentSource } from './createConsentSource'

interface OneTrustWindow {
  OneTrust?: { IsAlertBoxClosed(): boolean }
  /** The active groups as OneTrust's data layer keeps them: `',C0001,C0003,'`. */
  OnetrustActiveGroups?: string
}

/** Options of `oneTrustConsent`. */
export interface OneTrustConsentOptions {
  /** The OneTrust cookie category (group id) the Messenger belongs to. Default `'C0003'` (Functional). */
  group?: string
}

/**
 * Reads consent from OneTrust: `'granted'` while `group` is among the active groups, `'denied'` once the
 * visitor closed the banner without it, `'pending'` before. Follows the `OneTrustGroupsUpdated` event,
 * which OneTrust fires when it loads (so a CMP loading after the Messenger is picked up) and on every
 * change of mind.
 * @example
 * import { oneTrustConsent } from '@verified-messenger/core/onetrust-consent'
 * const messenger = createMessenger({ appId: 'abc123', consent: oneTrustConsent({ group: 'C0003' }) })
 */
export const oneTrustConsent = ({ group = 'C0003' }: OneTrustConsentOptions = {}): ConsentSource =>
  createConsentSource((set) => {
    const w = window as OneTrustWindow
    const read = (event?: Event) => {
      if (!w.OneTrust) return
      const groups: string[] =
        (event as CustomEvent | undefined)?.detail ?? w.OnetrustActiveGroups?.split(',') ?? []
      set(groups.includes(group) ? 'granted' : w.OneTrust.IsAlertBoxClosed() ? 'denied' : 'pending')
    }
    read()
    addEventListener('OneTrustGroupsUpdated', read)
    return () => removeEventListener('OneTrustGroupsUpdated', read)
  })
