import {
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
  type Request,
} from 'playwright-core'
import { inject } from 'vitest'
import { type DemoServer, type DemoServerOptions, startDemoServer } from '../server/startDemoServer'

/** Launches the system Chromium headless; Playwright gives it a fresh temporary profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Starts the demo server on a free port with the test build and the test run's secret. */
export function startTestServer(options: DemoServerOptions = {}): Promise<DemoServer> {
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
}

/** Opens a fresh visitor on the demo server. */
export async function newVisitor(browser: Browser, server: DemoServer): Promise<Visitor> {
  const context = await browser.newContext({ baseURL: server.url })
  const page = await context.newPage()
  const requests: Request[] = []
  const bodies: Promise<string>[] = []
  page.on('request', (request) => requests.push(request))
  page.on('response', (response) => {
    bodies.push(
      response
        .body()
        .then((body) => `${JSON.stringify(response.headers())}\n${body.toString('utf8')}`)
        .catch(() => ''),
    )
  })

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
    signInAs: async (userId) => {
      const response = await context.request.post('/api/session', { data: { userId } })
      if (!response.ok()) throw new Error(`sign-in failed with HTTP ${response.status()}`)
    },
  }
}
