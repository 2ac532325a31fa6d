import type { FakeMessenger } from '@verified-messenger/testing'
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Page,
  Request,
  Response,
} from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { type DemoServer, type DemoServerOptions, startDemoServer } from '../server/startDemoServer'
import { connectChromium } from './connectChromium'

declare global {
  interface Window {
    /** The handle the fake Messenger's browser script exposes for tests. */
    __fakeIntercom?: FakeMessenger
  }
}

/** Starts the demo server on a free port with the test build and the test run's secret. */
function startTestServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  return startDemoServer({
    clientDir: inject('clientDir'),
    fakeSecret: inject('secret'),
    ...options,
  })
}

/** One visitor: an isolated browser context (own cookies, storage and cache) and everything it fetched. */
export interface Visitor {
  context: BrowserContext
  page: Page
  /** Every request the page made, in order. */
  requests: Request[]
  /** The bodies of every response the browser received, as text. */
  responseBodies: () => Promise<string[]>
  /** Requests whose path is `pathname`. */
  requestsTo: (pathname: string) => Request[]
  /** The `intercom-*` cookies the browser holds. */
  intercomCookies: () => Promise<string[]>
  /** Signs in through the demo's API, sharing the context's cookie jar, before the page is opened. */
  signInAs: (userId: string) => Promise<void>
  /** Signs in as `userId`, opens the demo, accepts the consent banner and waits until verified. */
  openVerified: (userId: string) => Promise<void>
}

/** A response's body; Chromium keeps none for a 204 (the identity endpoint's "nobody signed in"). */
function bodyText(response: Response): Promise<string> {
  return response.status() === 204 ? Promise.resolve('') : response.text()
}

/** Opens a fresh visitor on the demo server, with a device's `options` (viewport, touch, ...). */
async function newVisitor(
  browser: Browser,
  server: DemoServer,
  options: BrowserContextOptions,
): Promise<Visitor> {
  const context = await browser.newContext({ ...options, baseURL: server.url })
  // Shorter than the test's timeout, so a failure names the step it was waiting for.
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  const requests: Request[] = []
  const bodies: Promise<string>[] = []
  page.on('request', (request) => requests.push(request))
  // Read once the body has fully arrived; a response still streaming (or cancelled) is not waited on.
  page.on('requestfinished', (request) => {
    bodies.push(
      request
        .response()
        .then(async (response) =>
          response
            ? `${JSON.stringify(await response.allHeaders())}\n${await bodyText(response)}`
            : '',
        )
        // A tab a test closed (or its context) takes its unread bodies with it; any other failure stays one.
        .catch((error: Error) => {
          if (/has been closed/.test(error.message)) return ''
          throw error
        }),
    )
  })

  const signInAs = async (userId: string) => {
    const response = await context.request.post('/api/session', { data: { userId } })
    if (!response.ok()) throw new Error(`sign-in failed with HTTP ${response.status()}`)
  }

  return {
    context,
    page,
    requests,
    responseBodies: () => Promise.all(bodies),
    requestsTo: (pathname) =>
      requests.filter((request) => new URL(request.url()).pathname === pathname),
    intercomCookies: async () =>
      (await context.cookies())
        .map((cookie) => cookie.name)
        .filter((name) => name.startsWith('intercom-')),
    signInAs,
    openVerified: async (userId) => {
      await signInAs(userId)
      await page.goto('/')
      await page.getByRole('button', { name: 'Accept' }).click()
      await waitForVerified(page, userId)
    },
  }
}

/** Where the demo mounts the fake's script and verification endpoint. */
export const fakePaths = {
  script: '/fake-intercom/widget/demo-app',
  ping: '/fake-intercom/messenger/web/ping',
} as const

export const identityPath = '/api/intercom/identity'

/** The settings of each call the page's fake Messenger received for `method`, in order. */
export function fakeCalls(page: Page, method: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      (window.__fakeIntercom?.calls ?? [])
        .filter(([called]) => called === name)
        .map(([, settings]) => ({ ...(settings as Record<string, unknown> | undefined) })),
    method,
  )
}

/** Waits until the fake Messenger has verified `userId` (and the page says so). */
export async function waitForVerified(page: Page, userId: string): Promise<void> {
  await page.waitForFunction((id) => {
    const state = window.__fakeIntercom?.state
    return state?.booted === true && state.verified === true && state.userId === id
  }, userId)
  await page.getByTestId('messenger-identity').getByText(`Verified as ${userId}`).waitFor()
}

/**
 * Records, from the first paint on, whether the page ever showed `userId` as verified (in the demo's
 * panel or the fake's), so a test can assert it never happened rather than only not at the end.
 */
export async function watchForVerified(context: BrowserContext, userId: string): Promise<void> {
  await context.addInitScript((id) => {
    const seen = window as unknown as { __shownVerified?: Record<string, boolean> }
    seen.__shownVerified ??= {}
    const pattern = new RegExp(`Verified as ${id}\\b|${id} \\(verified\\)`)
    const check = () => {
      if (pattern.test(document.body?.textContent ?? '')) (seen.__shownVerified ?? {})[id] = true
    }
    new MutationObserver(check).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    })
  }, userId)
}

/** Whether `watchForVerified` saw `userId` shown as verified. */
export function wasShownVerified(page: Page, userId: string): Promise<boolean> {
  return page.evaluate(
    (id) =>
      (window as unknown as { __shownVerified?: Record<string, boolean> }).__shownVerified?.[id] ===
      true,
    userId,
  )
}

/**
 * Starts a demo server (with `options`) and a Chromium before the enclosing `describe` block's tests and
 * stops both after them. `visit()` opens a fresh visitor on them.
 */
export function useDemo(options: DemoServerOptions = {}): {
  visit: (device?: BrowserContextOptions) => Promise<Visitor>
} {
  let browser: Browser | undefined
  let server: DemoServer | undefined
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([connectChromium(), startTestServer(options)])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })
  return {
    visit: (device = {}) => {
      if (!browser || !server) throw new Error('visit() runs inside a test, after useDemo() set up')
      return newVisitor(browser, server, device)
    },
  }
}
