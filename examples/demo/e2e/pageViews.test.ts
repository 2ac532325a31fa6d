import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectChromium } from './connectChromium'
import { buildFixture, openFixture } from './fixturePage'
import type { PageViewsPage } from './pageViewsPage'

declare global {
  interface Window {
    pageViewsPage: PageViewsPage
  }
}

describe('pageViews in Chromium (Navigation API)', () => {
  let browser: Browser | undefined
  let bundle = ''
  beforeAll(async () => {
    ;[browser, bundle] = await Promise.all([connectChromium(), buildFixture('./pageViewsPage.ts')])
  })
  afterAll(() => browser?.close())

  const updates = (page: Page) => page.evaluate(() => window.pageViewsPage.updates())

  it('sends one update for a navigation, none for state alone, and keeps 30 quick navigations within the throttle', async () => {
    const site = await openFixture(
      browser as Browser,
      { '/page.js': bundle, '/widget/pv-app': 'window.pageViewsPage.installWidget()' },
      ['/page.js'],
    )
    const { page } = site
    await page.waitForFunction(() => window.pageViewsPage.booted())
    expect(await page.evaluate(() => window.pageViewsPage.hasNavigationApi())).toBe(true)

    await page.evaluate(() => history.pushState(null, '', '/pricing'))
    expect(await updates(page)).toEqual({ received: 1, dropped: 0 })
    await page.evaluate(() => history.replaceState({ scroll: 120 }, '', '/pricing'))
    expect(await updates(page)).toEqual({ received: 1, dropped: 0 })

    await page.evaluate(() => {
      for (let n = 0; n < 30; n++) history.pushState(null, '', `/products/${n}`)
    })
    await page.goBack()
    expect(await updates(page)).toEqual({ received: 1, dropped: 0 })
    // 31 navigations within 90 seconds of the first page view: one waits for its turn, 30 fold into it.
    expect(await page.evaluate(() => window.pageViewsPage.stats())).toEqual({
      sent: 1,
      coalesced: 30,
    })
    await site.close()
  })
})
