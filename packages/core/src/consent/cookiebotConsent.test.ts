import { cookiebotConsent } from '@verified-messenger/core/cookiebot-consent'
import { afterEach, describe, expect, it } from 'vitest'
import { expectGatedBy } from '../test/expectGatedBy'

type CookiebotPage = { Cookiebot?: { hasResponse: boolean; consent: Record<string, boolean> } }
const page = window as CookiebotPage

// What Cookiebot documents: the Cookiebot object's hasResponse and consent.<category>, and the
// CookiebotOnAccept / CookiebotOnDecline events on window.
const cookiebot = (hasResponse: boolean, consent: Record<string, boolean>, event?: string) => {
  page.Cookiebot = { hasResponse, consent: { necessary: true, ...consent } }
  if (event) dispatchEvent(new Event(event))
}

afterEach(() => {
  delete page.Cookiebot
})

describe('cookiebotConsent', () => {
  it('waits for an answer, boots when the category is accepted and shuts down on decline', async () => {
    await expectGatedBy(cookiebotConsent({ category: 'preferences' }), {
      load: () => cookiebot(false, {}),
      grant: () => cookiebot(true, { preferences: true }, 'CookiebotOnAccept'),
      revoke: () => cookiebot(true, {}, 'CookiebotOnDecline'),
    })
  })

  it('counts an accept without the category as a refusal', () => {
    const consent = cookiebotConsent({ category: 'marketing' })
    const unsubscribe = consent.subscribe(() => {})
    cookiebot(true, { preferences: true, statistics: true }, 'CookiebotOnAccept')
    expect(consent.getSnapshot()).toBe('denied')
    unsubscribe()
  })

  it('reads a returning visitor’s answer when Cookiebot loaded first', () => {
    cookiebot(true, { preferences: true })
    const consent = cookiebotConsent()
    const unsubscribe = consent.subscribe(() => {})
    expect(consent.getSnapshot()).toBe('granted')
    unsubscribe()
  })
})
