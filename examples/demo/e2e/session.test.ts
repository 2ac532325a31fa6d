import { describe, expect, it } from 'vitest'
import { fakeCalls, useDemo, waitForVerified } from './demoHarness'

describe('signing in and out', () => {
  const demo = useDemo()

  it('signs in with a random HttpOnly SameSite=Lax session cookie', async () => {
    const { page, context } = await demo.visit()
    await page.goto('/')
    await page.getByRole('button', { name: /Ada Lovelace/ }).click()
    await page.getByTestId('signed-in-user').getByText('Ada Lovelace').waitFor()
    const first = (await context.cookies()).find((cookie) => cookie.name === 'demo_session')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('demo_session')
    await page.getByRole('button', { name: /Ada Lovelace/ }).click()
    await page.getByTestId('signed-in-user').getByText('Ada Lovelace').waitFor()
    const second = (await context.cookies()).find((cookie) => cookie.name === 'demo_session')

    expect(first).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(first?.value).toMatch(/^[\w-]{43}$/)
    expect(second?.value).not.toBe(first?.value)
    expect(await page.evaluate(() => document.cookie)).not.toContain('demo_session')
  })

  it('signing out shuts down, clears the cookies and boots anonymous; the next user is verified as themselves', async () => {
    const { page, context, openVerified } = await demo.visit()
    await openVerified('user_ada')
    // The visitor and session the Messenger knew Ada by; the device id outlives a sign-out, as Intercom's does.
    const visitorCookies = async () =>
      (await context.cookies())
        .filter((cookie) => /^intercom-(id|session)-demo-app$/.test(cookie.name))
        .map((cookie) => `${cookie.name}=${cookie.value}`)
    const adasCookies = await visitorCookies()
    expect(adasCookies).toHaveLength(2)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForFunction(() => {
      const fake = window.__fakeIntercom
      return fake?.calls.filter(([method]) => method === 'boot').length === 2 && fake.state.booted
    })

    expect(await fakeCalls(page, 'shutdown')).toHaveLength(1)
    const [, anonymous] = await fakeCalls(page, 'boot')
    expect(anonymous).not.toHaveProperty('user_id')
    expect(anonymous).not.toHaveProperty('intercom_user_jwt')
    expect(await page.evaluate(() => window.__fakeIntercom?.state.verified)).toBe(false)
    const anonymousCookies = await visitorCookies()
    expect(anonymousCookies).toHaveLength(2)
    for (const cookie of adasCookies) expect(anonymousCookies).not.toContain(cookie)
    await page.getByTestId('messenger-identity').getByText('Anonymous visitor').waitFor()

    await page.getByRole('button', { name: /Grace Hopper/ }).click()
    await waitForVerified(page, 'user_grace')
    const boots = await fakeCalls(page, 'boot')
    expect(boots.map((boot) => boot.user_id)).toEqual(['user_ada', undefined, 'user_grace'])
    expect(await fakeCalls(page, 'shutdown')).toHaveLength(2)
  })
})
