import { verifyIntercomJwt } from '@verified-messenger/signer'
import { describe, expect, inject, it } from 'vitest'
import { fakeCalls, identityPath, useDemo, waitForVerified } from './demoHarness'

const tokenTtlSeconds = 8

describe('a short-lived token', () => {
  const demo = useDemo({ tokenTtlSeconds })

  it('is renewed with update before it expires, without booting again', async () => {
    const { page, requestsTo, signInAs } = await demo.visit()
    await signInAs('user_ada')
    await page.goto('/')
    await page.getByRole('button', { name: 'Accept' }).click()
    await waitForVerified(page, 'user_ada')
    const [boot] = await fakeCalls(page, 'boot')
    const first = verifyIntercomJwt(String(boot?.intercom_user_jwt), inject('secret'))

    // The renewal is due within the token's lifetime; give it that long and no more.
    const renewed = await page.waitForFunction(
      () =>
        window.__fakeIntercom?.calls.find(
          ([method, settings]) =>
            method === 'update' &&
            typeof (settings as { intercom_user_jwt?: unknown } | undefined)?.intercom_user_jwt ===
              'string',
        ),
      undefined,
      { timeout: tokenTtlSeconds * 1000, polling: 100 },
    )
    const renewedAt = Date.now() / 1000
    const [, update] = (await renewed.jsonValue()) as [string, { intercom_user_jwt: string }]
    const second = verifyIntercomJwt(update.intercom_user_jwt, inject('secret'))

    expect(renewedAt).toBeLessThan(first.exp ?? 0)
    expect(second).toMatchObject({ user_id: 'user_ada' })
    expect(second.exp).toBeGreaterThan(first.exp ?? 0)
    expect(await fakeCalls(page, 'boot')).toHaveLength(1)
    expect(requestsTo(identityPath)).toHaveLength(2)
    expect(await page.evaluate(() => window.__fakeIntercom?.state.verified)).toBe(true)
  })
})
