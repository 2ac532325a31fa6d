import { didomiConsent } from '@verified-messenger/core/didomi-consent'
import { afterEach, describe, expect, it } from 'vitest'
import { expectGatedBy } from '../test/expectGatedBy'

interface DidomiPage {
  Didomi?: unknown
  didomiOnReady?: ((didomi: unknown) => void)[]
  didomiEventListeners?: { event: string; listener: () => void }[]
}
const page = window as DidomiPage

// Plays the Didomi SDK as documented: it drains window.didomiOnReady and window.didomiEventListeners
// when it is ready, and fires consent.changed to those listeners.
const didomi = (state: { required: boolean; collect: boolean; enabled: boolean }) => {
  const sdk = {
    isConsentRequired: () => state.required,
    shouldUserStatusBeCollected: () => state.collect,
    getCurrentUserStatus: () => ({ vendors: { 'c:intercom': { enabled: state.enabled } } }),
  }
  const ready = !page.Didomi
  page.Didomi = sdk
  if (ready) for (const callback of page.didomiOnReady ?? []) callback(sdk)
  else {
    for (const { event, listener } of page.didomiEventListeners ?? []) {
      if (event === 'consent.changed') listener()
    }
  }
}

afterEach(() => {
  delete page.Didomi
  delete page.didomiOnReady
  delete page.didomiEventListeners
})

describe('didomiConsent', () => {
  it('waits while Didomi collects the choice, boots when the vendor is enabled, shuts down when disabled', async () => {
    await expectGatedBy(didomiConsent({ vendor: 'c:intercom' }), {
      load: () => didomi({ required: true, collect: true, enabled: false }),
      grant: () => didomi({ required: true, collect: false, enabled: true }),
      revoke: () => didomi({ required: true, collect: false, enabled: false }),
    })
  })

  it('grants at once where consent is not required', () => {
    const consent = didomiConsent({ vendor: 'c:intercom' })
    const unsubscribe = consent.subscribe(() => {})
    didomi({ required: false, collect: false, enabled: false })
    expect(consent.getSnapshot()).toBe('granted')
    unsubscribe()
  })
})
