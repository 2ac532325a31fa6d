import { oneTrustConsent } from '@verified-messenger/core/onetrust-consent'
import { afterEach, describe, expect, it } from 'vitest'
import { expectGatedBy } from '../test/expectGatedBy'

type OneTrustPage = { OneTrust?: { IsAlertBoxClosed(): boolean }; OnetrustActiveGroups?: string }
const page = window as OneTrustPage

// What OneTrust documents: the active groups in OnetrustActiveGroups, and OneTrustGroupsUpdated (detail:
// the active group ids) on load and on every change.
const oneTrust = (groups: string[], closed: boolean) => {
  page.OneTrust = { IsAlertBoxClosed: () => closed }
  page.OnetrustActiveGroups = `,${groups.join(',')},`
  dispatchEvent(new CustomEvent('OneTrustGroupsUpdated', { detail: groups }))
}

afterEach(() => {
  delete page.OneTrust
  delete page.OnetrustActiveGroups
})

describe('oneTrustConsent', () => {
  it('waits for OneTrust, boots when the group is active and shuts down when it is withdrawn', async () => {
    await expectGatedBy(oneTrustConsent({ group: 'C0003' }), {
      load: () => oneTrust(['C0001'], false),
      grant: () => oneTrust(['C0001', 'C0003'], true),
      revoke: () => oneTrust(['C0001'], true),
    })
  })

  it('reads a returning visitor’s choice from the page when OneTrust loaded first', () => {
    page.OneTrust = { IsAlertBoxClosed: () => true }
    page.OnetrustActiveGroups = ',C0001,C0004,'
    const marketing = oneTrustConsent({ group: 'C0004' })
    const functional = oneTrustConsent()
    const stop = [marketing.subscribe(() => {}), functional.subscribe(() => {})]
    expect(marketing.getSnapshot()).toBe('granted')
    expect(functional.getSnapshot()).toBe('denied')
    for (const unsubscribe of stop) unsubscribe()
  })

  it('stops listening once nobody is subscribed', () => {
    const consent = oneTrustConsent()
    consent.subscribe(() => {})()
    oneTrust(['C0003'], true)
    expect(consent.getSnapshot()).toBe('pending')
  })
})
