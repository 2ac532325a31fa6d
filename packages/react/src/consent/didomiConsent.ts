// Re-exported so React apps pass it to <IntercomProvider consent={...}> with one package installed.
export type { DidomiConsentOptions } from '@verified-messenger/core/didomi-consent'
export { didomiConsent } from '@verified-messenger/core/didomi-consent'
