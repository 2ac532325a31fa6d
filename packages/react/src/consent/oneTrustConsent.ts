// Re-exported so React apps pass it to <IntercomProvider consent={...}> with one package installed.
export type { OneTrustConsentOptions } from '@verified-messenger/core/onetrust-consent'
export { oneTrustConsent } from '@verified-messenger/core/onetrust-consent'
