import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  fakeCalls,
  useDemo,
  waitForVerified,
  wasShownVerified,
  watchForVerified,
} from './demoHarness'

describe('tampering with the user id', () => {
  const demo = useDemo()
  let page: Page
  beforeEach(async () => {
    const visitor = await demo.visit()
    page = visitor.page
    await watchForVerified(visitor.context, 'forged')
    await watchForVerified(visitor.context, 'user_ada')
    await visitor.openVerified('user_ada')
  })

  it('the SDK refuses to boot a user id the server did not sign, and never sends it to Intercom', async () => {
    await page.getByRole('button', { name: 'Through the SDK' }).click()

    await page
      .getByTestId('tamper-outcome')
      .getByText(/^The SDK refused/)
      .waitFor()
    await page.getByTestId('messenger-error').getByText('IDENTITY_MISMATCH').waitFor()
    const boots = await fakeCalls(page, 'boot')
    expect(boots.map((boot) => boot.user_id)).not.toContain('forged')
    expect(await wasShownVerified(page, 'forged')).toBe(false)
  })

  it('refuses a forged JWT sent straight to window.Intercom', async () => {
    await page.getByRole('button', { name: 'window.Intercom, forged signature' }).click()

    await page.waitForFunction(() => Boolean(window.__fakeIntercom?.state.refusal))
    expect(await page.evaluate(() => window.__fakeIntercom?.state)).toMatchObject({
      booted: false,
      verified: false,
      refusal: { code: 'ERR_JWT_INVALID' },
    })
    expect((await fakeCalls(page, 'boot')).at(-1)).toMatchObject({ user_id: 'forged' })
    expect(await wasShownVerified(page, 'forged')).toBe(false)
  })

  it("refuses someone else's genuine JWT presented for another user id", async () => {
    await page.getByRole('button', { name: "window.Intercom, Ada Lovelace's token" }).click()

    await page.waitForFunction(() => Boolean(window.__fakeIntercom?.state.refusal))
    expect(await page.evaluate(() => window.__fakeIntercom?.state)).toMatchObject({
      booted: false,
      verified: false,
      refusal: { code: 'ERR_USER_ID_MISMATCH' },
    })
    expect(await wasShownVerified(page, 'forged')).toBe(false)
  })

  it('boots the real user again after a refused attempt', async () => {
    await page.getByRole('button', { name: 'window.Intercom, forged signature' }).click()
    await page.waitForFunction(() => Boolean(window.__fakeIntercom?.state.refusal))

    await page.getByRole('button', { name: 'Restore my session' }).click()

    await waitForVerified(page, 'user_ada')
    // The watcher does see a verified user, so its silence about "forged" means something.
    expect(await wasShownVerified(page, 'user_ada')).toBe(true)
    expect(await wasShownVerified(page, 'forged')).toBe(false)
  })
})
