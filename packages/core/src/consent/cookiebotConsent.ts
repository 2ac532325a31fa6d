import type { ConsentSource } from '../types'
import { createConsentSource } from './createConsentSource'

interface CookiebotWindow {
  Cookiebot?: { hasResponse: boolean; consent: Record<string, boolean> }
}

// Cookiebot fires these when the visitor answers, and again on each page load for a visitor who has.
const EVENTS = ['CookiebotOnAccept', 'CookiebotOnDecline']

/** Options of `cookiebotConsent`. */
export interface CookiebotConsentOptions {
  /**
   * The Cookiebot category the Messenger's cookies are in: `'preferences'`, `'statistics'` or
   * `'marketing'`. Default `'preferences'`.
   */
  category?: string
}

/**
 * Reads consent from Cookiebot: `'pending'` until the visitor has answered (`Cookiebot.hasResponse`), then
 * `'granted'` when `category` is accepted, else `'denied'`. Follows `CookiebotOnAccept` and
 * `CookiebotOnDecline`, so a Cookiebot that loads after the Messenger and a change of mind are picked up.
 * @example
 * import { cookiebotConsent } from '@verified-messenger/core/cookiebot-consent'
 * const messenger = createMessenger({ appId: 'abc123', consent: cookiebotConsent({ category: 'preferences' }) })
 */
export const cookiebotConsent = ({
  category = 'preferences',
}: CookiebotConsentOptions = {}): ConsentSource =>
  createConsentSource((set) => {
    const read = () => {
      const cookiebot = (window as CookiebotWindow).Cookiebot
      if (cookiebot?.hasResponse) set(cookiebot.consent[category] ? 'granted' : 'denied')
    }
    read()
    for (const event of EVENTS) addEventListener(event, read)
    return () => {
      for (const event of EVENTS) removeEventListener(event, read)
    }
  })
