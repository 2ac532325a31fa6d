// The page the TCF end-to-end test drives: the IAB's own CMP API and TC string encoder, the Messenger
// with the TCF adapter, and the fake Messenger as the widget script. Built for the browser by the test.
import { CmpApi } from '@iabtechlabtcf/cmpapi'
import { GVL, TCModel, TCString } from '@iabtechlabtcf/core'
import { createMessenger, type Messenger } from '@verified-messenger/core'
import { type TcfConsentOptions, tcfConsent } from '@verified-messenger/core/tcf-consent'
import { installFakeMessenger } from '@verified-messenger/testing'

/** The vendor id a site registered for its support chat (Intercom itself is not in the list). */
export const SITE_VENDOR = 1234
const CMP_ID = 300

const purpose = (id: number, name: string) => ({ id, name, description: name, illustrations: [] })

// A vendor list in the GVL v3 format with the purposes and the one vendor the test uses.
const gvl = new GVL({
  gvlSpecificationVersion: 3,
  vendorListVersion: 1,
  tcfPolicyVersion: 5,
  lastUpdated: '2026-01-01T00:00:00Z',
  purposes: {
    1: purpose(1, 'Store and/or access information on a device'),
    2: purpose(2, 'Use limited data to select advertising'),
  },
  specialPurposes: {},
  features: {},
  specialFeatures: {},
  stacks: {},
  dataCategories: {},
  vendors: {
    [SITE_VENDOR]: {
      id: SITE_VENDOR,
      name: 'Example support chat',
      purposes: [1],
      legIntPurposes: [],
      flexiblePurposes: [],
      specialPurposes: [],
      features: [],
      specialFeatures: [],
      cookieMaxAgeSeconds: 31536000,
      usesCookies: true,
      cookieRefresh: false,
      usesNonCookieAccess: false,
      urls: [],
    },
  },
} as unknown as ConstructorParameters<typeof GVL>[0])

let cmp: CmpApi | undefined
let messenger: Messenger | undefined

const tcString = (purposes: number[], vendors: number[]) => {
  const model = new TCModel(gvl)
  model.cmpId = CMP_ID
  model.cmpVersion = 1
  model.purposeConsents.set(purposes)
  model.vendorConsents.set(vendors)
  return TCString.encode(model)
}

const tcfPage = {
  /** Creates the Messenger with the TCF adapter and asks it to boot (it waits for consent). */
  start(options?: TcfConsentOptions) {
    messenger = createMessenger({
      appId: 'tcf-app',
      scriptUrl: '/widget/tcf-app',
      consent: tcfConsent(options),
    })
    messenger.boot()
  },
  snapshot: () => messenger?.getSnapshot(),
  /** The CMP's script arrives: it takes over `__tcfapi` (and the stub's queue). */
  loadCmp() {
    cmp = new CmpApi(CMP_ID, 1, false)
  },
  /** A first-time visitor: the CMP shows its banner with no decision yet. */
  showBanner() {
    cmp?.update('', true)
  },
  /** The visitor's decision (or a returning visitor's stored one, on the CMP's first update). */
  decide(purposes: number[], vendors: number[] = []) {
    cmp?.update(tcString(purposes, vendors), false)
  },
  /** The CMP found that GDPR does not apply to this visitor. */
  outsideGdpr() {
    cmp?.update(null, false)
  },
  /** What the widget script (routed to this) does: the fake Messenger takes over `window.Intercom`. */
  installWidget() {
    ;(window as { __fakeIntercom?: unknown }).__fakeIntercom = installFakeMessenger({
      appId: 'tcf-app',
    })
  },
}

;(window as { tcfPage?: typeof tcfPage }).tcfPage = tcfPage
export type TcfPage = typeof tcfPage
