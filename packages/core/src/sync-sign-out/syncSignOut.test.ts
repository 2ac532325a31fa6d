import { createMessenger, type Messenger } from '@verified-messenger/core'
import { SIGN_OUT_WAIT, syncSignOut } from '@verified-messenger/core/sync-sign-out'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  callsTo,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  installWidget,
  jwtBody,
} from '../test/fakePage'

const CHANNEL = `verified-messenger:${APP_ID}`
const SIGNED_OUT = { type: 'verified-messenger/signed-out', appId: APP_ID }
const SETTLED = { type: 'verified-messenger/settled', appId: APP_ID }

// Lets BroadcastChannel messages (delivered on the event loop, not by timers) arrive.
const tick = () => new Promise((resolve) => setImmediate(resolve))
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 50 && !condition(); i++) await tick()
  expect(condition()).toBe(true)
}

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo()
})

/** Another tab of the same app: what it hears, and a way to speak. */
const otherTab = () => {
  const channel = new BroadcastChannel(CHANNEL)
  const heard: unknown[] = []
  channel.onmessage = (event) => heard.push(event.data)
  cleanup.push(() => channel.close())
  return { heard, post: (message: unknown) => channel.postMessage(message) }
}

/** This tab: a Messenger booted verified as `userId`, synced with the other tabs. */
const tabVerifiedAs = async (userId: string) => {
  let answer: () => Response = () => HttpResponse.json(jwtBody(userId))
  const hits = identityEndpoint(() => answer())
  const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
  const detach = syncSignOut(messenger, { appId: APP_ID })
  cleanup.push(detach, () => messenger.shutdown())
  await messenger.boot({ userId, name: 'Ada' })
  await messenger.ready()
  // Every identity the Messenger was ever verified as, in order.
  const seen: (string | undefined)[] = []
  cleanup.push(messenger.subscribe(() => seen.push(messenger.getSnapshot().identity?.userId)))
  return {
    messenger,
    hits,
    seen,
    detach,
    answerWith: (next: () => Response) => {
      answer = next
    },
  }
}

const verifiedAs = (messenger: Messenger) => messenger.getSnapshot().identity?.userId

describe('syncSignOut', () => {
  beforeEach(() => installWidget())

  it('tells the other tabs when the verified session ends, then when the Messenger is up again', async () => {
    const other = otherTab()
    const { messenger, answerWith } = await tabVerifiedAs('ada')
    messenger.shutdown()
    await until(() => other.heard.length === 1)
    expect(other.heard).toEqual([SIGNED_OUT])

    answerWith(() => new HttpResponse(null, { status: 401 }))
    await messenger.boot({})
    await messenger.ready()
    await until(() => other.heard.length === 2)
    expect(other.heard).toEqual([SIGNED_OUT, SETTLED])
  })

  it('tells the other tabs when the session switches to another user', async () => {
    const other = otherTab()
    const { messenger, answerWith } = await tabVerifiedAs('ada')
    answerWith(() => HttpResponse.json(jwtBody('grace')))
    await messenger.boot({ userId: 'grace' })
    await until(() => other.heard.length === 2)
    expect(other.heard).toEqual([SIGNED_OUT, SETTLED])
  })

  it('a tab verified as the user who left shuts down at once and, once the other tab settled, comes back as who the endpoint says', async () => {
    const other = otherTab()
    const { messenger, hits, seen, answerWith } = await tabVerifiedAs('ada')
    answerWith(() => HttpResponse.json(jwtBody('grace')))
    other.post(SIGNED_OUT)
    await until(() => messenger.getSnapshot().status === 'shut-down')
    expect(callsTo('shutdown')).toHaveLength(1)
    expect(hits.count).toBe(1)

    other.post(SETTLED)
    await until(() => verifiedAs(messenger) === 'grace')
    expect(hits.count).toBe(2)
    expect(seen.filter((userId) => userId === 'ada')).toEqual([])
    // Its own shutdown followed the other tab: it announces nothing back.
    expect(other.heard).toEqual([])
  })

  it('comes back anonymous when nobody is signed in any more', async () => {
    const other = otherTab()
    const { messenger, answerWith } = await tabVerifiedAs('ada')
    answerWith(() => new HttpResponse(null, { status: 401 }))
    other.post(SIGNED_OUT)
    other.post(SETTLED)
    await until(() => callsTo('boot').length === 2 && messenger.getSnapshot().status === 'booted')
    expect(messenger.getSnapshot().identity).toBeNull()
    expect(callsTo('boot').at(-1)?.[1]).not.toHaveProperty('user_id')
  })

  it(`asks the endpoint after ${SIGN_OUT_WAIT} ms when the tab that signed out never settles`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const other = otherTab()
    const { messenger, hits, answerWith } = await tabVerifiedAs('ada')
    answerWith(() => new HttpResponse(null, { status: 401 }))
    other.post(SIGNED_OUT)
    await until(() => messenger.getSnapshot().status === 'shut-down')
    await vi.advanceTimersByTimeAsync(SIGN_OUT_WAIT - 1)
    expect(hits.count).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    await until(() => messenger.getSnapshot().status === 'booted')
    expect(hits.count).toBe(2)
    expect(verifiedAs(messenger)).toBeUndefined()
  })

  it('leaves an anonymous tab alone', async () => {
    const other = otherTab()
    identityEndpoint(() => new HttpResponse(null, { status: 401 }))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    cleanup.push(syncSignOut(messenger, { appId: APP_ID }), () => messenger.shutdown())
    await messenger.boot({})
    other.post(SIGNED_OUT)
    for (let i = 0; i < 5; i++) await tick()
    expect(messenger.getSnapshot().status).toBe('booted')
    expect(callsTo('shutdown')).toHaveLength(0)
  })

  it('a message of another shape or app id changes nothing', async () => {
    const other = otherTab()
    const { messenger } = await tabVerifiedAs('ada')
    for (const forged of [
      'verified-messenger/signed-out',
      JSON.stringify(SIGNED_OUT),
      null,
      { type: 'signed-out', appId: APP_ID },
      { type: SIGNED_OUT.type },
      { ...SIGNED_OUT, appId: 'another-app' },
      [SIGNED_OUT],
    ]) {
      other.post(forged)
    }
    for (let i = 0; i < 5; i++) await tick()
    expect(verifiedAs(messenger)).toBe('ada')
    expect(callsTo('shutdown')).toHaveLength(0)
  })

  it('revoking consent ends the session without signing the other tabs out', async () => {
    const other = otherTab()
    const { messenger } = await tabVerifiedAs('ada')
    messenger.setConsent('denied')
    for (let i = 0; i < 5; i++) await tick()
    expect(verifiedAs(messenger)).toBeUndefined()
    expect(other.heard).toEqual([])
  })

  it('does nothing once detached', async () => {
    const other = otherTab()
    const { messenger, detach } = await tabVerifiedAs('ada')
    detach()
    other.post(SIGNED_OUT)
    messenger.shutdown()
    for (let i = 0; i < 5; i++) await tick()
    expect(callsTo('shutdown')).toHaveLength(1)
    expect(other.heard).toEqual([])
  })

  describe('where BroadcastChannel is missing', () => {
    beforeEach(() => {
      vi.stubGlobal('BroadcastChannel', undefined)
      cleanup.push(() => vi.unstubAllGlobals())
    })

    it('tells the other tabs through a storage event and leaves nothing in localStorage', async () => {
      const setItem = vi.spyOn(Storage.prototype, 'setItem')
      const { messenger } = await tabVerifiedAs('ada')
      messenger.shutdown()
      expect(setItem).toHaveBeenCalledWith(CHANNEL, JSON.stringify(SIGNED_OUT))
      expect(localStorage.getItem(CHANNEL)).toBeNull()
    })

    it("hears another tab's sign-out from a storage event", async () => {
      const { messenger } = await tabVerifiedAs('ada')
      const event = (newValue: string) => new StorageEvent('storage', { key: CHANNEL, newValue })
      window.dispatchEvent(event('{"type":"verified-messenger/signed-out"'))
      expect(verifiedAs(messenger)).toBe('ada')
      window.dispatchEvent(event(JSON.stringify(SIGNED_OUT)))
      expect(messenger.getSnapshot().status).toBe('shut-down')
    })
  })
})
