import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useDemo, waitForVerified } from './demoHarness'

const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
const desktop = { viewport: { width: 1280, height: 800 } }

/** Whether a tap at the middle of `target` lands on it rather than on something drawn over it. */
async function isOnTop(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox()
  if (!box) return false
  const handle = await target.elementHandle()
  return page.evaluate(
    ([x, y, element]) => {
      const hit = document.elementFromPoint(x as number, y as number)
      return !!hit && (element as Element).contains(hit)
    },
    [box.x + box.width / 2, box.y + box.height / 2, handle] as const,
  )
}

async function isInViewport(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox()
  const viewport = page.viewportSize()
  return (
    !!box &&
    !!viewport &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width &&
    box.y + box.height <= viewport.height
  )
}

describe('layout', () => {
  const demo = useDemo()

  it('fits a phone: no horizontal scroll, header and launcher on screen, the launcher opens the Messenger', async () => {
    const { page, signInAs } = await demo.visit(phone)
    await signInAs('user_ada')
    await page.goto('/')
    await page.getByRole('button', { name: 'Accept' }).tap()
    await waitForVerified(page, 'user_ada')

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(await isInViewport(page, page.getByRole('button', { name: 'Sign out' }))).toBe(true)
    const launcher = page.getByRole('button', { name: /Open the Messenger/ })
    expect(await isInViewport(page, launcher)).toBe(true)
    expect(await isOnTop(page, launcher)).toBe(true)
    await launcher.tap()
    await page.getByRole('dialog', { name: 'Messenger (fake)' }).waitFor()
  })

  it('keeps the open Messenger and its refusal notice off the page content on a desktop', async () => {
    const { page, openVerified } = await demo.visit(desktop)
    await openVerified('user_ada')

    await page.getByRole('button', { name: /Open the Messenger/ }).click()
    await page.getByRole('dialog', { name: 'Messenger (fake)' }).waitFor()
    expect(await isOnTop(page, page.getByRole('button', { name: 'Restore my session' }))).toBe(true)

    await page.getByRole('button', { name: 'window.Intercom, forged signature' }).click()
    await page.getByRole('alert').filter({ hasText: 'Refused' }).waitFor()
    expect(await isOnTop(page, page.getByTestId('tamper-outcome'))).toBe(true)
  })

  it('says why nothing happens while support chat is off', async () => {
    const { page, signInAs } = await demo.visit(desktop)
    await signInAs('user_ada')
    await page.goto('/')
    await page.getByRole('button', { name: 'Reject' }).click()

    await expect
      .poll(() => page.getByTestId('tamper-disabled').textContent())
      .toMatch(/Support chat is off: choose "Allow it"/)
    await page.getByRole('button', { name: 'Ask about billing' }).click()
    await page
      .getByRole('status')
      .getByText(/Support chat is off/)
      .waitFor()
  })
})
