import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { build, type Rolldown } from 'vite'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from './launchChromium'
import { sourceAlias } from './sourceAlias'
import type { TcfPage } from './tcfPage'

declare global {
  interface Window {
    tcfPage: TcfPage
  }
}

const ORIGIN = 'http://cmp.test'
const WIDGET = '/widget/tcf-app'

/** The test page in the browser, as one IIFE: the IAB CMP API, the Messenger, the TCF adapter, the fake. */
async function buildPage(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: sourceAlias },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('./tcfPage.ts', import.meta.url)),
        formats: ['iife'],
        name: 'tcfPageBundle',
      },
    },
  })
  const [output] = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  return output?.output[0].code ?? ''
}

describe('tcfConsent against the IAB CMP API (@iabtechlabtcf/cmpapi, core and stub) in Chromium', () => {
  let browser: Browser | undefined
  let bundle = ''
  let stub = ''

  beforeAll(async () => {
    const require = createRequire(import.meta.url)
    ;[browser, bundle, stub] = await Promise.all([
      launchChromium(inject('chromiumPath')),
      buildPage(),
      readFile(require.resolve('@iabtechlabtcf/stub'), 'utf8'),
    ])
  })
  afterAll(() => browser?.close())

  /** Opens the site; `withStub` puts the IAB stub in <head>, as CMPs ask sites to. */
  async function open(withStub: boolean) {
    const context = await (browser as Browser).newContext()
    context.setDefaultTimeout(10_000)
    const widgetRequests: string[] = []
    await context.route(`${ORIGIN}/**`, (route) => {
      const { pathname } = new URL(route.request().url())
      if (pathname === WIDGET) widgetRequests.push(pathname)
      const body: Record<string, string> = {
        '/': `<!doctype html><html><head>${withStub ? '<script src="/stub.js"></script>' : ''}<script src="/page.js"></script></head><body></body></html>`,
        '/stub.js': stub,
        '/page.js': bundle,
        [WIDGET]: 'window.tcfPage.installWidget()',
      }
      const found = body[pathname]
      return found === undefined
        ? route.fulfill({ status: 404 })
        : route.fulfill({
            contentType: pathname === '/' ? 'text/html' : 'text/javascript',
            body: found,
          })
    })
    const page = await context.newPage()
    await page.goto(`${ORIGIN}/`)
    const intercomCookies = async () =>
      (await context.cookies())
        .map(({ name }) => name)
        .filter((name) => name.startsWith('intercom-'))
    return { page, widgetRequests, intercomCookies, close: () => context.close() }
  }

  const consentOf = (page: Page) => page.evaluate(() => window.tcfPage.snapshot()?.consent)
  const waitForConsent = (page: Page, consent: string) =>
    page.waitForFunction((value) => window.tcfPage.snapshot()?.consent === value, consent)
  const waitForBooted = (page: Page) =>
    page.waitForFunction(
      () =>
        (window as { __fakeIntercom?: { state: { booted: boolean } } }).__fakeIntercom?.state
          .booted,
    )

  it('stub installed before the CMP: waits, loading nothing, until the visitor accepts; then boots', async () => {
    const { page, widgetRequests, intercomCookies, close } = await open(true)
    await page.evaluate(() => window.tcfPage.start())
    await page.evaluate(() => window.tcfPage.loadCmp())
    await page.evaluate(() => window.tcfPage.showBanner())
    expect(await consentOf(page)).toBe('pending')
    expect(widgetRequests).toEqual([])
    expect(await intercomCookies()).toEqual([])

    await page.evaluate(() => window.tcfPage.decide([1]))
    await waitForBooted(page)
    expect(widgetRequests).toEqual([WIDGET])
    expect(await intercomCookies()).toContain('intercom-session-tcf-app')
    await close()
  })

  it('reject: purpose 1 refused, or the site’s vendor refused, keeps the Messenger away', async () => {
    const { page, widgetRequests, close } = await open(true)
    await page.evaluate(() => window.tcfPage.start({ vendorId: 1234 }))
    await page.evaluate(() => window.tcfPage.loadCmp())
    await page.evaluate(() => window.tcfPage.decide([1], []))
    await waitForConsent(page, 'denied')
    await page.evaluate(() => window.tcfPage.decide([2], [1234]))
    expect(await consentOf(page)).toBe('denied')
    expect(widgetRequests).toEqual([])

    await page.evaluate(() => window.tcfPage.decide([1, 2], [1234]))
    await waitForConsent(page, 'granted')
    await close()
  })

  it('change of mind: withdrawing consent shuts the Messenger down and removes its cookies', async () => {
    const { page, intercomCookies, close } = await open(true)
    await page.evaluate(() => window.tcfPage.start())
    await page.evaluate(() => window.tcfPage.loadCmp())
    // A returning visitor: the CMP's first update carries the stored decision (tcloaded).
    await page.evaluate(() => window.tcfPage.decide([1]))
    await waitForBooted(page)
    expect(await intercomCookies()).not.toEqual([])

    await page.evaluate(() => window.tcfPage.showBanner())
    expect(await consentOf(page)).toBe('granted')
    await page.evaluate(() => window.tcfPage.decide([]))
    await waitForConsent(page, 'denied')
    await page.waitForFunction(
      () =>
        !(window as { __fakeIntercom?: { state: { booted: boolean } } }).__fakeIntercom?.state
          .booted,
    )
    expect(await intercomCookies()).toEqual([])
    await close()
  })

  it('a CMP that loads later without a stub is picked up; one where GDPR does not apply grants', async () => {
    const { page, close } = await open(false)
    await page.evaluate(() => window.tcfPage.start())
    expect(await page.evaluate(() => typeof (window as { __tcfapi?: unknown }).__tcfapi)).toBe(
      'undefined',
    )
    await page.evaluate(() => window.tcfPage.loadCmp())
    await page.evaluate(() => window.tcfPage.outsideGdpr())
    await waitForConsent(page, 'granted')
    await waitForBooted(page)
    await close()
  })
})
