// Re-exported so React apps pass it to <IntercomProvider consent={...}> with one package installed.
export type { UsercentricsConsentOptions } from '@verified-messenger/core/usercentrics-consent'
export { usercentricsConsent } from '@verified-messenger/core/usercentrics-consent'
