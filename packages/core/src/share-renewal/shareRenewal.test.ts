import type { IdentityRequestContext, IdentityResponse } from '@verified-messenger/core'
import {
  RENEWAL_WAIT,
  type SharedIdentitySource,
  shareRenewal,
} from '@verified-messenger/core/share-renewal'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { installFakeLocks } from '../test/fakeLocks'
import { APP_ID, inSeconds, jwtBody } from '../test/fakePage'

const CHANNEL = `verified-messenger:${APP_ID}:renewal`
const HOUR = 3600

// Lets BroadcastChannel messages (delivered on the event loop, not by timers) arrive.
const tick = () => new Promise((resolve) => setImmediate(resolve))
const settle = async () => {
  for (let i = 0; i < 20; i++) await tick()
}

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo()
})

/**
 * `count` tabs of one browser sharing renewals, in the order they open, each booted (one request
 * each) with Ada's token; `server` is the identity endpoint, which signs a later token on every call.
 */
const openTabs = async (count: number, appId = APP_ID) => {
  let issued = 0
  const server = vi.fn(
    async (_context: IdentityRequestContext): Promise<IdentityResponse | null> =>
      jwtBody('ada', inSeconds(HOUR + ++issued)),
  )
  const tabs: SharedIdentitySource[] = []
  for (let i = 0; i < count; i++) {
    const tab = shareRenewal(server, { appId })
    cleanup.push(() => tab.close())
    await tab({ reason: 'boot', signal: new AbortController().signal })
    tabs.push(tab)
  }
  await settle()
  return { tabs, server }
}

const refresh = (tab: SharedIdentitySource, userId = 'ada') =>
  tab({ reason: 'refresh', userId, signal: new AbortController().signal })

const refreshes = (server: { mock: { calls: [IdentityRequestContext][] } }) =>
  server.mock.calls.filter(([context]) => context.reason === 'refresh').length

describe('shareRenewal with Web Locks', () => {
  beforeEach(() => cleanup.push(installFakeLocks()))

  it('sends every boot request to the identity endpoint: each tab asks who is signed in', async () => {
    const { server } = await openTabs(5)
    expect(server).toHaveBeenCalledTimes(5)
    expect(refreshes(server)).toBe(0)
  })

  it('five tabs due at once make one renewal request and all take its token', async () => {
    const { tabs, server } = await openTabs(5)
    const bodies = await Promise.all(tabs.map((tab) => refresh(tab)))
    expect(refreshes(server)).toBe(1)
    const renewed = await server.mock.results.at(-1)?.value
    expect(bodies).toEqual(Array(5).fill(renewed))
  })

  it('a tab due before the renewer asks it, and the renewer later takes the same token without a request', async () => {
    const { tabs, server } = await openTabs(3)
    const [leader, follower] = tabs as [SharedIdentitySource, SharedIdentitySource]
    const asked = await refresh(follower)
    expect(refreshes(server)).toBe(1)
    expect(await refresh(leader)).toEqual(asked)
    expect(refreshes(server)).toBe(1)
  })

  it('each later period again costs one request', async () => {
    const { tabs, server } = await openTabs(5)
    for (let period = 1; period <= 3; period++) {
      await Promise.all(tabs.map((tab) => refresh(tab)))
      expect(refreshes(server)).toBe(period)
    }
  })

  it('a tab waking past its expiry gets a fresh token at once, without waiting', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { tabs, server } = await openTabs(2)
    vi.setSystemTime(Date.now() + 2 * HOUR * 1000)
    // No timer is advanced: a tab that waited for one would never resolve here.
    const body = await refresh(tabs[1] as SharedIdentitySource)
    expect(refreshes(server)).toBe(1)
    expect((body?.expires_at ?? 0) * 1000).toBeGreaterThan(Date.now())
  })

  it('when the renewer closes, the next tab takes the role and renews', async () => {
    const { tabs, server } = await openTabs(3)
    const [leader, second, third] = tabs as SharedIdentitySource[]
    await Promise.all(tabs.map((tab) => refresh(tab as SharedIdentitySource)))
    leader?.close()
    await settle()
    const [a, b] = await Promise.all([
      refresh(second as SharedIdentitySource),
      refresh(third as SharedIdentitySource),
    ])
    expect(refreshes(server)).toBe(2)
    expect(a).toEqual(b)
    expect(await server.mock.results.at(-1)?.value).toEqual(a)
  })

  it(`a tab renews by itself when no renewer answers within ${RENEWAL_WAIT} ms (a frozen tab holds the role)`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    navigator.locks.request(CHANNEL, () => new Promise(() => {}))
    const { tabs, server } = await openTabs(1)
    const renewed = refresh(tabs[0] as SharedIdentitySource)
    await settle()
    await vi.advanceTimersByTimeAsync(RENEWAL_WAIT - 1)
    expect(refreshes(server)).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(await renewed).toEqual(await server.mock.results.at(-1)?.value)
    expect(refreshes(server)).toBe(1)
  })

  it('a message of another shape, user or app id is never taken as a token nor makes the renewer renew', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { tabs, server } = await openTabs(2)
    const forger = new BroadcastChannel(CHANNEL)
    cleanup.push(() => forger.close())
    const token = { user_id: 'ada', intercom_user_jwt: 'forged', expires_at: inSeconds(9 * HOUR) }
    for (const forged of [
      { type: 'verified-messenger/token', appId: APP_ID, body: { ...token, intercom_user_jwt: 1 } },
      { type: 'verified-messenger/token', appId: APP_ID, body: { ...token, expires_at: 'later' } },
      { type: 'verified-messenger/token', appId: APP_ID, body: { ...token, user_id: 'mallory' } },
      { type: 'verified-messenger/token', appId: 'another-app', body: token },
      { type: 'verified-messenger/token', body: token },
      { type: 'verified-messenger/renew', appId: APP_ID, userId: 42, after: 0 },
      { type: 'verified-messenger/renew', appId: APP_ID, userId: 'ada' },
      JSON.stringify({ type: 'verified-messenger/token', appId: APP_ID, body: token }),
    ]) {
      forger.postMessage(forged)
    }
    await settle()
    expect(refreshes(server)).toBe(0)
    // The follower finds nothing it can take, so it asks, and the renewer renews from the endpoint.
    const body = await refresh(tabs[1] as SharedIdentitySource)
    expect(body?.intercom_user_jwt).not.toBe('forged')
    expect(refreshes(server)).toBe(1)
  })
})

describe('shareRenewal without Web Locks', () => {
  it('the tab whose random wait ends first renews, and the others take its token', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { tabs, server } = await openTabs(3)
    const waits = [0.9, 0.1, 0.5]
    vi.spyOn(Math, 'random').mockImplementation(() => waits.shift() ?? 0)
    const bodies = Promise.all(tabs.map((tab) => refresh(tab)))
    await settle()
    await vi.advanceTimersByTimeAsync(100)
    await settle()
    expect(refreshes(server)).toBe(1)
    await vi.advanceTimersByTimeAsync(1000)
    const renewed = await server.mock.results.at(-1)?.value
    expect(await bodies).toEqual([renewed, renewed, renewed])
    expect(refreshes(server)).toBe(1)
  })
})
