import { createFakeIntercom } from '@verified-messenger/testing/server'
import type { Browser, BrowserContext, Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../demo/e2e/launchChromium'
import { E2E_APP_ID } from './globalSetup'

const identityPath = '/api/intercom/identity'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium(inject('chromiumPath'))
})
afterAll(() => browser?.close())

/**
 * A browser context (one visitor: shared cookies and localStorage) signed in as Ada, whose Messenger
 * script and API (widget.intercom.io, api-iam.intercom.io) are the fake Messenger from
 * `@verified-messenger/testing`, which verifies each boot with the server's secret as Intercom does.
 */
async function visitorSignedInAsAda(): Promise<BrowserContext> {
  const origin = inject('origin')
  const context = await browser.newContext({ baseURL: origin })
  // Shorter than the test's timeout, so a failure names the step it was waiting for.
  context.setDefaultTimeout(10_000)
  const fake = createFakeIntercom({ secret: inject('secret'), appId: E2E_APP_ID })
  await context.route(/^https:\/\/(widget|api-iam)\.intercom\.io\//, async (route) => {
    const request = route.request()
    const headers = Object.entries(await request.allHeaders()).filter(
      ([name]) => !name.startsWith(':'),
    )
    const response = await fake(
      new Request(request.url(), {
        method: request.method(),
        headers,
        body: request.postData(),
      }),
    )
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    })
  })
  await context.addInitScript(recordIntercomCalls)
  // The example's stand-in login: the session cookie names the user.
  await context.addCookies([{ name: 'demo_session', value: 'ada', url: origin }])
  return context
}

/**
 * Runs in every page before its scripts: records every call made through `window.Intercom` from the first
 * one on, whoever installs it (the loader's stub, then the Messenger's script), in `window.__intercomCalls`.
 */
function recordIntercomCalls() {
  const calls: unknown[][] = []
  let intercom: unknown
  Object.defineProperty(window, '__intercomCalls', { value: calls })
  Object.defineProperty(window, 'Intercom', {
    configurable: true,
    get: () => intercom,
    set: (value: unknown) => {
      intercom =
        typeof value === 'function'
          ? new Proxy(value, {
              apply(target, self, args: unknown[]) {
                // A copy as it was sent: callbacks are dropped, later changes to the objects are not seen.
                calls.push(JSON.parse(JSON.stringify(args)) as unknown[])
                return Reflect.apply(target, self, args)
              },
            })
          : value
    },
  })
}

/** A new tab of the visitor, with every identity request it makes from now on. */
async function openTab(
  context: BrowserContext,
  path: string,
): Promise<{ tab: Page; asked: Request[]; html: string }> {
  const tab = await context.newPage()
  const asked: Request[] = []
  tab.on('request', (request) => {
    if (new URL(request.url()).pathname === identityPath) asked.push(request)
  })
  const response = await tab.goto(path)
  await tab.getByRole('dialog', { name: 'Chat consent' }).waitFor()
  return { tab, asked, html: (await response?.text()) ?? '' }
}

/** Accepts the consent banner. */
const accept = (tab: Page) => tab.getByRole('button', { name: 'Yes' }).click()

/** Waits until the fake Messenger in `tab` has verified a user, and returns whom. */
async function verifiedUser(tab: Page): Promise<unknown> {
  const handle = await tab.waitForFunction(() => {
    const state = (window as { __fakeIntercom?: { state: Record<string, unknown> } }).__fakeIntercom
      ?.state
    return state?.booted === true && state.verified === true && state.userId
  })
  return handle.jsonValue()
}

/** Waits until the fake Messenger in `tab` has verified `userId`. */
async function waitForVerified(tab: Page, userId: string): Promise<void> {
  await tab.waitForFunction((id) => {
    const state = (window as { __fakeIntercom?: { state: Record<string, unknown> } }).__fakeIntercom
      ?.state
    return state?.booted === true && state.verified === true && state.userId === id
  }, userId)
}

/**
 * Every user id that reached `window.Intercom` or `window.intercomSettings` in `tab`: `user_id` fields and
 * the `user_id` claim of every `intercom_user_jwt`.
 */
function userIdsSentToIntercom(tab: Page): Promise<string[]> {
  return tab.evaluate(() => {
    const found: string[] = []
    const read = (settings: unknown) => {
      if (!settings || typeof settings !== 'object') return
      const { user_id, intercom_user_jwt } = settings as Record<string, unknown>
      if (typeof user_id === 'string') found.push(user_id)
      if (typeof intercom_user_jwt === 'string') {
        const claims = intercom_user_jwt.split('.')[1] ?? ''
        const json = atob(claims.replace(/-/g, '+').replace(/_/g, '/'))
        found.push(String((JSON.parse(json) as { user_id?: unknown }).user_id))
      }
    }
    const win = window as { __intercomCalls?: unknown[][]; intercomSettings?: unknown }
    for (const [, settings] of win.__intercomCalls ?? []) read(settings)
    read(win.intercomSettings)
    return found
  })
}

describe('a rendered identity is only as fresh as the page (Next.js, two tabs of one visitor)', () => {
  it('a first load uses the identity rendered into the page: verified as Ada with 0 identity requests', async () => {
    const context = await visitorSignedInAsAda()
    try {
      const { tab, asked, html } = await openTab(context, '/')
      expect(html).toContain('intercom_user_jwt')
      await accept(tab)
      expect(await verifiedUser(tab)).toBe('user-ada')
      await tab.getByText('verified as user-ada').waitFor()
      expect(asked).toHaveLength(0)
      expect(await userIdsSentToIntercom(tab)).toContain('user-ada')
    } finally {
      await context.close()
    }
  })

  describe.each([
    ['with useSyncSignOut', '/'],
    ['without useSyncSignOut', '/?sync-sign-out=off'],
  ])('%s', (_, path) => {
    it('Ada signs out and Grace signs in in tab 2: tab 1, rendered for Ada, asks the endpoint and boots Grace, never Ada', async () => {
      const context = await visitorSignedInAsAda()
      try {
        // Tab 1: rendered for Ada (her signed identity is in the HTML), the consent banner still open.
        const first = await openTab(context, path)
        expect(first.html).toContain('intercom_user_jwt')
        await first.tab
          .getByText('Signed in as Ada Lovelace (user-ada).', { exact: true })
          .waitFor()

        // Tab 2: Ada accepts, signs out through the page, and Grace signs in.
        const second = await openTab(context, path)
        await accept(second.tab)
        await waitForVerified(second.tab, 'user-ada')
        await second.tab.getByRole('button', { name: 'Sign out' }).click()
        await second.tab.getByRole('button', { name: 'Grace Hopper' }).click()
        await second.tab
          .getByText('Signed in as Grace Hopper (user-grace).', { exact: true })
          .waitFor()
        await waitForVerified(second.tab, 'user-grace')

        // Back in tab 1 the visitor accepts.
        expect(first.asked).toHaveLength(0)
        await accept(first.tab)
        expect(await verifiedUser(first.tab)).toBe('user-grace')
        expect(await userIdsSentToIntercom(first.tab)).not.toContain('user-ada')
        // Tab 1 asked the endpoint for Ada, which named Grace; the page was rendered again for Grace, who
        // was then booted after a second request.
        const answers = await Promise.all(
          first.asked.map(async (request) => {
            const body = (await (await request.response())?.json()) as { user_id?: string }
            return body.user_id
          }),
        )
        expect(answers).toEqual(['user-grace', 'user-grace'])
        await first.tab
          .getByText('Signed in as Grace Hopper (user-grace).', { exact: true })
          .waitFor()
      } finally {
        await context.close()
      }
    })
  })
})
