import type { Page, Request } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fakeCalls, identityPath, useDemo, type Visitor, waitForVerified } from './demoHarness'

/**
 * Opens `count` tabs of the visitor's browser (its first page among them) at `/`, consent already given
 * (the demo keeps it in localStorage), each waiting until its Messenger is verified as `userId`. The first
 * tab is verified before the others open (together), so it is the first to ask for the renewer's lock.
 */
async function openTabs(visitor: Visitor, count: number, userId: string): Promise<Page[]> {
  await visitor.context.addInitScript(() => localStorage.setItem('demo-consent', 'granted'))
  const open = async (tab: Page) => {
    await tab.goto('/')
    await waitForVerified(tab, userId)
    return tab
  }
  const first = await open(visitor.page)
  const others = await Promise.all(
    Array.from({ length: count - 1 }, async () => open(await visitor.context.newPage())),
  )
  return [first, ...others]
}

/** Every identity request any tab of the visitor's browser makes from now on, in order. */
function identityRequests(visitor: Visitor): Request[] {
  const requests: Request[] = []
  visitor.context.on('request', (request) => {
    if (new URL(request.url()).pathname === identityPath) requests.push(request)
  })
  return requests
}

/** The renewals among `requests`: every request but the first (the boot) of each tab. */
function renewalsAmong(requests: Request[]): Request[] {
  const booted = new Set<Page>()
  return requests.filter((request) => {
    const tab = request.frame().page()
    return booted.has(tab) || !booted.add(tab)
  })
}

/** Waits until the tab's Messenger has booted again after a shutdown, as an anonymous visitor. */
async function waitForAnonymousAgain(tab: Page): Promise<void> {
  await tab.waitForFunction(() => {
    const fake = window.__fakeIntercom
    const calls = fake?.calls.map(([method]) => method) ?? []
    return calls.lastIndexOf('boot') > calls.indexOf('shutdown') && fake?.state.booted
  })
  await tab.getByTestId('messenger-identity').getByText('Anonymous visitor').waitFor()
}

describe('sign-out and user switch across tabs', () => {
  const demo = useDemo()

  it('signing out in tab 1 shuts tabs 2 and 3 down, and they come back anonymous', async () => {
    const visitor = await demo.visit()
    await visitor.signInAs('user_ada')
    const [first, ...others] = (await openTabs(visitor, 3, 'user_ada')) as [Page, Page, Page]
    const asked = identityRequests(visitor)

    await first.getByRole('button', { name: 'Sign out' }).click()
    for (const tab of others) {
      await waitForAnonymousAgain(tab)
      expect(await fakeCalls(tab, 'shutdown')).toHaveLength(1)
      const [, again] = await fakeCalls(tab, 'boot')
      expect(again).not.toHaveProperty('user_id')
      expect(again).not.toHaveProperty('intercom_user_jwt')
      expect(await tab.evaluate(() => window.__fakeIntercom?.state.verified)).toBe(false)
    }
    // Each tab asked who is signed in now, after the server had ended the session.
    const fromOthers = asked.filter((request) => others.includes(request.frame().page()))
    expect(fromOthers).toHaveLength(2)
    for (const request of fromOthers)
      expect([204, 401]).toContain((await request.response())?.status())
  })

  it('switching to Grace in tab 2 brings tab 3 back verified as Grace, never as Ada again', async () => {
    const visitor = await demo.visit()
    await visitor.signInAs('user_ada')
    const [, second, third] = (await openTabs(visitor, 3, 'user_ada')) as [Page, Page, Page]
    // Every user the fake in tab 3 verifies from now on, in order.
    await third.evaluate(() => {
      const fake = window.__fakeIntercom
      const seen: (string | null)[] = []
      ;(window as unknown as { __verifiedSince: typeof seen }).__verifiedSince = seen
      fake?.subscribe(() => {
        if (fake.state.verified && seen.at(-1) !== fake.state.userId) seen.push(fake.state.userId)
      })
    })

    await second.getByRole('button', { name: 'Switch to Grace Hopper' }).click()
    await waitForVerified(second, 'user_grace')
    await third.waitForFunction(() => window.__fakeIntercom?.state.userId === 'user_grace')
    await third.getByTestId('messenger-identity').getByText('Verified as user_grace').waitFor()

    expect(await third.evaluate(() => window.__fakeIntercom?.state.verified)).toBe(true)
    expect(
      await third.evaluate(
        () => (window as unknown as { __verifiedSince: string[] }).__verifiedSince,
      ),
    ).toEqual(['user_grace'])
    const boots = await fakeCalls(third, 'boot')
    expect(boots.map((boot) => boot.user_id)).toEqual(['user_ada', 'user_grace'])
  })
})

// Short-lived tokens, renewed at half their life: one period is about 3 s.
const tokenTtlSeconds = 6
const period = (tokenTtlSeconds / 2) * 1000

/** The JWTs of the identity responses to `requests`. */
const tokensOf = (requests: Request[]) =>
  Promise.all(
    requests.map(async (request) => {
      const body = (await (await request.response())?.json()) as { intercom_user_jwt?: string }
      return body.intercom_user_jwt
    }),
  )

/**
 * When each of `requests` left the browser, in milliseconds. Playwright fills a request's timing in only
 * once its response has arrived: before that `startTime` is -1, so this waits for every response first.
 */
const startTimes = (requests: Request[]) =>
  Promise.all(
    requests.map(async (request) => {
      await request.response()
      const { startTime } = request.timing()
      if (startTime < 0) throw new Error(`no start time for ${request.url()}: it has no response`)
      return startTime
    }),
  )

/** The JWTs a tab handed to its Messenger with `update`, that is its renewals. */
const renewedIn = async (tab: Page) =>
  (await fakeCalls(tab, 'update')).map((update) => update.intercom_user_jwt).filter(Boolean)

describe('one renewal for all tabs', () => {
  const demo = useDemo({ tokenTtlSeconds })

  it('five tabs make one renewal request per period, and the fresh token reaches every tab', {
    timeout: 90_000,
  }, async () => {
    const visitor = await demo.visit()
    await visitor.signInAs('user_ada')
    const asked = identityRequests(visitor)
    const tabs = await openTabs(visitor, 5, 'user_ada')
    const renewals = () => renewalsAmong(asked)
    expect(asked.length - renewals().length).toBe(5)

    // Two more renewals once every tab is open: each tab is due at least once in that time.
    const opened = renewals().length
    await expect.poll(() => renewals().length, { timeout: 3 * period }).toBe(opened + 2)
    const times = await startTimes(renewals())
    for (let i = 1; i < times.length; i++) {
      // Two requests in one period would be a tab renewing for itself.
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThan(period / 2)
    }
    const fetched = await tokensOf(renewals())
    for (const tab of tabs) {
      const taken = await renewedIn(tab)
      expect(taken.length).toBeGreaterThan(0)
      for (const token of taken) expect(fetched).toContain(token)
      expect(await tab.evaluate(() => window.__fakeIntercom?.state.verified)).toBe(true)
    }
  })

  it('when the renewing tab closes, another tab renews, and the rest take its token', {
    timeout: 60_000,
  }, async () => {
    const visitor = await demo.visit()
    await visitor.signInAs('user_ada')
    const asked = identityRequests(visitor)
    const [first, second, third] = (await openTabs(visitor, 3, 'user_ada')) as [Page, Page, Page]
    const renewals = () => renewalsAmong(asked)
    // The first tab asked for the renewer's lock first, so it renews.
    await expect.poll(() => renewals().length, { timeout: 2 * period }).toBeGreaterThan(0)
    expect(renewals().map((request) => request.frame().page())).toEqual(renewals().map(() => first))

    await first.close()
    const before = renewals().length
    await expect.poll(() => renewals().length, { timeout: 3 * period }).toBe(before + 1)
    const renewal = renewals().slice(before)
    expect([second, third]).toContain(renewal[0]?.frame().page())
    const [token] = await tokensOf(renewal)
    for (const tab of [second, third]) {
      await expect.poll(() => renewedIn(tab), { timeout: 2 * period }).toContain(token)
      expect(await tab.evaluate(() => window.__fakeIntercom?.state.verified)).toBe(true)
    }
  })
})
