import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { FakeMessenger } from '@verified-messenger/testing'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../demo/e2e/launchChromium'
import { createApp } from '../server/createApp'

declare global {
  interface Window {
    __fakeIntercom?: FakeMessenger
  }
}

let browser: Browser
let server: Server
let origin: string

beforeAll(async () => {
  const app = createApp({ secret: inject('secret'), clientDir: inject('clientDir') })
  server = app.listen(0, '127.0.0.1')
  ;[browser] = await Promise.all([
    launchChromium(inject('chromiumPath')),
    new Promise((resolve) => server.once('listening', resolve)),
  ])
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

/** Opens the app in a fresh browser context; every response status the page got is recorded. */
async function visit(signInAs?: string): Promise<{ page: Page; statuses: Map<string, number> }> {
  const context = await browser.newContext({ baseURL: origin })
  context.setDefaultTimeout(10_000)
  if (signInAs) {
    const response = await context.request.post('/api/session', { data: { userId: signInAs } })
    expect(response.ok()).toBe(true)
  }
  const page = await context.newPage()
  const statuses = new Map<string, number>()
  page.on('response', (response) =>
    statuses.set(new URL(response.url()).pathname, response.status()),
  )
  await page.goto('/')
  return { page, statuses }
}

const fakeState = (page: Page) => page.evaluate(() => ({ ...window.__fakeIntercom?.state }))

describe('Express 5 app with express.json() before the identity endpoint and the fake Messenger', () => {
  it('boots a signed-in user verified: the fake checked the token it read behind express.json()', async () => {
    const { page, statuses } = await visit('user-ada')
    await page.getByText('booted, verified as user-ada').waitFor()
    expect(await fakeState(page)).toMatchObject({
      booted: true,
      verified: true,
      userId: 'user-ada',
    })
    expect(statuses.get('/api/intercom/identity')).toBe(200)
    expect(statuses.get('/fake-intercom/messenger/web/ping')).toBe(200)
    await page.context().close()
  })

  it('boots an anonymous visitor with a 204 from the endpoint and no error in the console', async () => {
    const context = await browser.newContext({ baseURL: origin })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    const statuses = new Map<string, number>()
    page.on('response', (response) =>
      statuses.set(new URL(response.url()).pathname, response.status()),
    )
    await page.goto('/')
    await page.getByText('booted, anonymous').waitFor()
    expect(await fakeState(page)).toMatchObject({ booted: true, verified: false })
    expect(statuses.get('/api/intercom/identity')).toBe(204)
    expect(errors).toEqual([])
    await context.close()
  })

  it('signs in and out through the page, and the Messenger follows the session', async () => {
    const { page } = await visit()
    await page.getByRole('button', { name: 'Sign in as Ada' }).click()
    await page.getByText('booted, verified as user-ada').waitFor()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByText('booted, anonymous').waitFor()
    expect(await fakeState(page)).toMatchObject({ verified: false })
    await page.context().close()
  })

  it('keeps the secret out of the client bundle, even when it was in the build environment', () => {
    const bundle = readFileSync(join(inject('clientDir'), 'client.js'), 'utf8')
    expect(bundle.length).toBeGreaterThan(1000)
    expect(bundle).not.toContain(inject('secret'))
  })
})
