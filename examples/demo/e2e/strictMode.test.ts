import { describe, expect, it } from 'vitest'
import { fakeCalls, fakePaths, identityPath, useDemo, waitForVerified } from './demoHarness'

describe('the StrictMode page', () => {
  const demo = useDemo()

  it('loads one script, fetches one identity and boots once when consent was given earlier', async () => {
    const { page, context, requestsTo, signInAs } = await demo.visit()
    await context.addInitScript(() => localStorage.setItem('demo-consent', 'granted'))
    await signInAs('user_ada')
    await page.goto('/?strict', { waitUntil: 'networkidle' })

    await waitForVerified(page, 'user_ada')
    await page.getByText('StrictMode', { exact: true }).waitFor()
    expect(requestsTo(fakePaths.script)).toHaveLength(1)
    expect(requestsTo(identityPath)).toHaveLength(1)
    expect(await fakeCalls(page, 'boot')).toHaveLength(1)
  })

  it('loads one script, fetches one identity and boots once when consent is accepted', async () => {
    const { page, requestsTo, signInAs } = await demo.visit()
    await signInAs('user_ada')
    await page.goto('/?strict', { waitUntil: 'networkidle' })

    await page.getByRole('button', { name: 'Accept' }).click()

    await waitForVerified(page, 'user_ada')
    expect(requestsTo(fakePaths.script)).toHaveLength(1)
    expect(requestsTo(identityPath)).toHaveLength(1)
    expect(await fakeCalls(page, 'boot')).toHaveLength(1)
  })
})
