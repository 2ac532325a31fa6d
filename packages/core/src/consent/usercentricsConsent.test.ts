import { usercentricsConsent } from '@verified-messenger/core/usercentrics-consent'
import { describe, expect, it } from 'vitest'
import { expectGatedBy } from '../test/expectGatedBy'

const send = (event: string, detail: unknown) => dispatchEvent(new CustomEvent(event, { detail }))

// Browser CMP v2: the configured window event's detail names each service (consent_status).
const v2 = (type: string, intercom: boolean) =>
  send('ucEvent', { event: 'consent_status', type, action: 'onUpdateServices', Intercom: intercom })

describe('usercentricsConsent', () => {
  it('(v2) waits past the implicit default, boots on consent and shuts down when it is revoked', async () => {
    await expectGatedBy(usercentricsConsent(), {
      load: () => v2('implicit', false),
      grant: () => v2('explicit', true),
      revoke: () => v2('explicit', false),
    })
  })

  it('(v3) reads the named service from the event’s services, on the event name you configured', () => {
    const consent = usercentricsConsent({ service: 'Intercom Messenger', event: 'ucConsent' })
    const unsubscribe = consent.subscribe(() => {})
    const services = (given: boolean) => ({
      a1: { name: 'Google Analytics', consent: { given: true } },
      b2: { name: 'Intercom Messenger', consent: { given } },
    })
    send('ucEvent', { type: 'EXPLICIT', services: services(true) })
    expect(consent.getSnapshot()).toBe('pending')
    send('ucConsent', { type: 'EXPLICIT', services: services(true) })
    expect(consent.getSnapshot()).toBe('granted')
    send('ucConsent', { type: 'EXPLICIT', services: services(false) })
    expect(consent.getSnapshot()).toBe('denied')
    unsubscribe()
  })
})
