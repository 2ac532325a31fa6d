// Re-exported so React apps pass it to <IntercomProvider consent={...}> with one package installed.
export type { TcfConsentOptions } from '@verified-messenger/core/tcf-consent'
export { tcfConsent } from '@verified-messenger/core/tcf-consent'
