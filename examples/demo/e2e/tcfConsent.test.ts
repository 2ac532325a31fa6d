import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectChromium } from './connectChromium'
import { buildFixture, openFixture } from './fixturePage'
import type { TcfPage } from './tcfPage'

declare global {
  interface Window {
    tcfPage: TcfPage
  }
}

const WIDGET = '/widget/tcf-app'

describe('tcfConsent against the IAB CMP API (@iabtechlabtcf/cmpapi, core and stub) in Chromium', () => {
  let browser: Browser | undefined
  let bundle = ''
  let stub = ''

  beforeAll(async () => {
    const require = createRequire(import.meta.url)
    ;[browser, bundle, stub] = await Promise.all([
      connectChromium(),
      buildFixture('./tcfPage.ts'),
      readFile(require.resolve('@iabtechlabtcf/stub'), 'utf8'),
    ])
  })
  afterAll(() => browser?.close())

  /** Opens the site; `withStub` puts the IAB stub in <head> first, as CMPs ask sites to. */
  const open = async (withStub: boolean) => {
    const site = await openFixture(
      browser as Browser,
      { '/stub.js': stub, '/page.js': bundle, [WIDGET]: 'window.tcfPage.installWidget()' },
      withStub ? ['/stub.js', '/page.js'] : ['/page.js'],
    )
    return { ...site, widgetRequests: () => site.requested.filter((path) => path === WIDGET) }
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
    expect(widgetRequests()).toEqual([])
    expect(await intercomCookies()).toEqual([])

    await page.evaluate(() => window.tcfPage.decide([1]))
    await waitForBooted(page)
    expect(widgetRequests()).toEqual([WIDGET])
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
    expect(widgetRequests()).toEqual([])

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
