import { describe, expect, it } from 'vitest'
import { fakeCalls, fakePaths, identityPath, useDemo, waitForVerified } from './demoHarness'

describe('consent', () => {
  const demo = useDemo()

  it('loads no widget script and sets no intercom cookie while consent is pending', async () => {
    const { page, requestsTo, intercomCookies, signInAs } = await demo.visit()
    await signInAs('user_ada')
    await page.goto('/', { waitUntil: 'networkidle' })

    await page.getByRole('region', { name: 'Cookie consent' }).waitFor()
    expect(requestsTo(fakePaths.script)).toHaveLength(0)
    expect(requestsTo(fakePaths.ping)).toHaveLength(0)
    expect(await intercomCookies()).toEqual([])
    expect(await page.evaluate(() => '__fakeIntercom' in window)).toBe(false)
  })

  it('accepting loads the script once, fetches the identity once and boots verified', async () => {
    const { page, requestsTo, intercomCookies, signInAs } = await demo.visit()
    await signInAs('user_ada')
    await page.goto('/', { waitUntil: 'networkidle' })

    await page.getByRole('button', { name: 'Accept' }).click()
    await waitForVerified(page, 'user_ada')

    expect(requestsTo(fakePaths.script)).toHaveLength(1)
    expect(requestsTo(identityPath)).toHaveLength(1)
    const boots = await fakeCalls(page, 'boot')
    expect(boots).toHaveLength(1)
    expect(boots[0]).toMatchObject({ user_id: 'user_ada', intercom_user_jwt: expect.any(String) })
    expect(await intercomCookies()).toContain('intercom-session-demo-app')
  })

  it('rejecting keeps the Messenger away for good', async () => {
    const { page, requestsTo, intercomCookies, signInAs } = await demo.visit()
    await signInAs('user_ada')
    await page.goto('/', { waitUntil: 'networkidle' })

    await page.getByRole('button', { name: 'Reject' }).click()
    await page.reload({ waitUntil: 'networkidle' })

    await page.getByText('Support chat is off.').waitFor()
    expect(requestsTo(fakePaths.script)).toHaveLength(0)
    expect(await intercomCookies()).toEqual([])
  })

  it('revoking consent shuts the Messenger down and removes the intercom cookies', async () => {
    const { page, intercomCookies, openVerified } = await demo.visit()
    await openVerified('user_ada')
    expect(await intercomCookies()).not.toEqual([])

    await page.getByRole('button', { name: 'Revoke consent' }).click()
    await page.waitForFunction(() => window.__fakeIntercom?.state.booted === false)

    expect(await fakeCalls(page, 'shutdown')).toHaveLength(1)
    expect(await intercomCookies()).toEqual([])
    await page.getByText('Support chat is off.').waitFor()
  })
})
