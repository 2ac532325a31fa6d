import { createMessenger } from '@verified-messenger/core'
import { describe, expect, it } from 'vitest'
import {
  APP_ID,
  callsTo,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  installWidget,
  intercomCalls,
  jwtBody,
} from './test/fakePage'

// An endpoint that answers for `userId` only when the test says so.
const heldEndpoint = (userId: string) => {
  let answer = () => {}
  const answered = new Promise<void>((resolve) => (answer = resolve))
  identityEndpoint(async () => {
    await answered
    return HttpResponse.json(jwtBody(userId))
  })
  return answer
}

const verified = () => createMessenger({ appId: APP_ID, identity: IDENTITY_URL })

describe('sessions own their calls', () => {
  it("drops calls made during a user's identity request when they sign out before it answers", async () => {
    installWidget()
    heldEndpoint('A')
    const messenger = verified()
    const bootA = messenger.boot({ userId: 'A' })
    messenger.trackEvent('A-private-event')
    messenger.update({ name: 'Alice' })
    await messenger.signOut()
    await expect(bootA).rejects.toMatchObject({ code: 'BOOT_INTERRUPTED' })
    expect(callsTo('boot')).toEqual([['boot', { app_id: APP_ID }]])
    expect(JSON.stringify(intercomCalls)).not.toMatch(/A-private-event|Alice/)
  })

  it("never sends one user's calls into the next user's session", async () => {
    installWidget()
    heldEndpoint('A')
    const messenger = verified()
    messenger.boot({ userId: 'A' }).catch(() => {})
    messenger.trackEvent('A-private-event')
    identityEndpoint(() => HttpResponse.json(jwtBody('B')))
    await messenger.boot({ userId: 'B' })
    messenger.trackEvent('B-event')
    expect(callsTo('trackEvent')).toEqual([['trackEvent', 'B-event']])
  })

  it("keeps a user's calls through pending consent and sends them in that user's session", async () => {
    installWidget()
    identityEndpoint(() => HttpResponse.json(jwtBody('A')))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL, consent: 'pending' })
    const booted = messenger.boot({ userId: 'A' })
    messenger.trackEvent('A-event')
    messenger.setConsent('granted')
    await booted
    expect(intercomCalls.filter(([name]) => name === 'boot' || name === 'trackEvent')).toEqual([
      ['boot', expect.objectContaining({ user_id: 'A' })],
      ['trackEvent', 'A-event'],
    ])
  })

  it('replays calls made before any boot into the first session, in order', async () => {
    installWidget()
    identityEndpoint(() => HttpResponse.json(jwtBody('A')))
    const messenger = verified()
    messenger.trackEvent('first')
    messenger.show()
    await messenger.boot({ userId: 'A' })
    expect(intercomCalls.filter(([name]) => name === 'trackEvent' || name === 'show')).toEqual([
      ['trackEvent', 'first'],
      ['show'],
    ])
  })
})
