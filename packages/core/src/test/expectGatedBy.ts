import { type ConsentSource, createMessenger } from '@verified-messenger/core'
import { expect } from 'vitest'
import { APP_ID, callsTo, installWidget, setCookies } from './fakePage'

/** How a test plays a consent manager: it loads with no decision, the visitor accepts, then changes their mind. */
export interface ConsentManagerScript {
  load(): void
  grant(): void
  revoke(): void
}

/**
 * The life every consent manager adapter must get right: nothing loads while the CMP is missing or
 * undecided (so a late CMP works), accepting boots, and a change of mind shuts the Messenger down and
 * removes its cookies. Ends with the Messenger destroyed, which detaches the adapter.
 */
export async function expectGatedBy(consent: ConsentSource, cmp: ConsentManagerScript) {
  installWidget()
  const messenger = createMessenger({ appId: APP_ID, consent })
  messenger.boot()
  expect(messenger.getSnapshot()).toMatchObject({ consent: 'pending', status: 'awaiting-consent' })

  cmp.load()
  expect(messenger.getSnapshot().consent).toBe('pending')
  expect(callsTo('boot')).toEqual([])

  cmp.grant()
  expect(messenger.getSnapshot().consent).toBe('granted')
  await messenger.ready()
  expect(callsTo('boot')).toHaveLength(1)
  setCookies(`intercom-session-${APP_ID}=s;path=/`, `intercom-id-${APP_ID}=i;path=/`)

  cmp.revoke()
  expect(messenger.getSnapshot().consent).toBe('denied')
  expect(callsTo('shutdown')).toHaveLength(1)
  expect(document.cookie).toBe('')
  messenger.destroy()
}
