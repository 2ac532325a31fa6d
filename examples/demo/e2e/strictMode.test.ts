import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoServer } from '../server/startDemoServer'
import {
  fakeCalls,
  fakePaths,
  identityPath,
  launchTestChromium,
  newVisitor,
  startTestServer,
  waitForVerified,
} from './demoHarness'

describe('the StrictMode page', () => {
  let browser: Browser
  let server: DemoServer

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchTestChromium(), startTestServer()])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  it('loads one script, fetches one identity and boots once when consent was given earlier', async () => {
    const { page, context, requestsTo, signInAs } = await newVisitor(browser, server)
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
    const { page, requestsTo, signInAs } = await newVisitor(browser, server)
    await signInAs('user_ada')
    await page.goto('/?strict', { waitUntil: 'networkidle' })

    await page.getByRole('button', { name: 'Accept' }).click()

    await waitForVerified(page, 'user_ada')
    expect(requestsTo(fakePaths.script)).toHaveLength(1)
    expect(requestsTo(identityPath)).toHaveLength(1)
    expect(await fakeCalls(page, 'boot')).toHaveLength(1)
  })
})
