// Re-exported so React apps pass it to <IntercomProvider consent={...}> with one package installed.
export type { CookiebotConsentOptions } from '@verified-messenger/core/cookiebot-consent'
export { cookiebotConsent } from '@verified-messenger/core/cookiebot-consent'
