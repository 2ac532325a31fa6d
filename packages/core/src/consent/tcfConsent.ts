import type { ConsentSource } from '../types'
import { createConsentSource } from './createConsentSource'

const noop = () => {}

/** What the IAB TCF v2.2 CMP API hands an event listener (the fields this adapter reads). */
interface TCData {
  eventStatus: 'tcloaded' | 'cmpuishown' | 'useractioncomplete'
  gdprApplies?: boolean
  listenerId?: number
  purpose: { consents: Record<number, boolean | undefined> }
  vendor: { consents: Record<number, boolean | undefined> }
}

type TcfApi = (
  command: string,
  version: number,
  callback: (data: TCData, success: boolean) => void,
  parameter?: unknown,
) => void

/** Options of `tcfConsent`. */
export interface TcfConsentOptions {
  /**
   * The TCF purposes the visitor must consent to. Default `[1]` (store and/or access information on a
   * device, which the Messenger's cookies need).
   */
  purposes?: number[]
  /**
   * Your vendor id in the Global Vendor List, if you registered one for the Messenger: its consent is then
   * required too. Intercom itself is not in the list.
   */
  vendorId?: number
}

/**
 * Reads consent from an IAB TCF v2.2 consent manager through `__tcfapi`: `'pending'` until the CMP has a
 * decision (`tcloaded`, or `useractioncomplete` after its banner), then `'granted'` when every purpose
 * (and the vendor, if named) has consent or GDPR does not apply, else `'denied'`. A CMP that loads later
 * is picked up when it defines `__tcfapi`; one that never loads leaves the Messenger waiting.
 * @example
 * import { tcfConsent } from '@verified-messenger/core/tcf-consent'
 * const messenger = createMessenger({ appId: 'abc123', consent: tcfConsent({ purposes: [1] }) })
 */
export const tcfConsent = ({ purposes = [1], vendorId }: TcfConsentOptions = {}): ConsentSource =>
  createConsentSource((set) => {
    const w = window as { __tcfapi?: TcfApi }
    let listenerId: number | undefined
    let stopped = false
    const attach = () => {
      const api = w.__tcfapi
      api?.('addEventListener', 2, (data, success) => {
        if (!success || stopped) return
        listenerId = data.listenerId
        // The banner showing is no decision: the visitor's last one (or 'pending') stands.
        if (data.eventStatus === 'cmpuishown') return
        // Where GDPR does not apply, the CMP sends no purposes or vendors at all.
        set(
          data.gdprApplies === false ||
            (purposes.every((purpose) => data.purpose.consents[purpose]) &&
              (vendorId === undefined || data.vendor.consents[vendorId]))
            ? 'granted'
            : 'denied',
        )
      })
      return api
    }
    // Sites install the CMP's stub first; without one, wait for the CMP to define __tcfapi.
    const poll = attach() ? undefined : setInterval(() => attach() && clearInterval(poll), 250)
    return () => {
      stopped = true
      clearInterval(poll)
      if (listenerId !== undefined) w.__tcfapi?.('removeEventListener', 2, noop, listenerId)
    }
  })
