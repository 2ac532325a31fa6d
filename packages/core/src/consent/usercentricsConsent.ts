import type { ConsentSource } from '../types'
import { createConsentSource } from './createConsentSource'

/** The window event's detail: v2 names each service as a key, v3 lists `services`. */
interface UsercentricsDetail {
  type?: string
  services?: Record<string, { name?: string; consent?: { given?: boolean } }>
  [service: string]: unknown
}

/** Options of `usercentricsConsent`. */
export interface UsercentricsConsentOptions {
  /** The Data Processing Service's name in your Usercentrics settings. Default `'Intercom'`. */
  service?: string
  /** The window event you named under Implementation > Data Layer & Events. Default `'ucEvent'`. */
  event?: string
}

/**
 * Reads consent from Usercentrics (Browser CMP v2 or v3) through the window event you configured:
 * `'granted'` when `service` has consent, `'denied'` when the visitor refused it, `'pending'` until the
 * first event and while the only status is the implicit default. Usercentrics fires the event when it
 * loads and on every change, so a CMP that loads after the Messenger and a change of mind are picked up.
 * @example
 * import { usercentricsConsent } from '@verified-messenger/core/usercentrics-consent'
 * const consent = usercentricsConsent({ service: 'Intercom', event: 'ucEvent' })
 * const messenger = createMessenger({ appId: 'abc123', consent })
 */
export const usercentricsConsent = ({
  service = 'Intercom',
  event = 'ucEvent',
}: UsercentricsConsentOptions = {}): ConsentSource =>
  createConsentSource((set) => {
    const read = (e: Event) => {
      const detail = (e as CustomEvent<UsercentricsDetail | undefined>).detail
      if (!detail) return
      const given = detail.services
        ? Object.values(detail.services).find(({ name }) => name === service)?.consent?.given
        : detail[service]
      set(given === true ? 'granted' : /implicit/i.test(detail.type ?? '') ? 'pending' : 'denied')
    }
    addEventListener(event, read)
    return () => removeEventListener(event, read)
  })
