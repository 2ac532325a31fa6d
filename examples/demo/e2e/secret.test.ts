import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { useDemo, waitForVerified } from './demoHarness'

describe('the identity secret', () => {
  const demo = useDemo()

  it('appears in no file of the client build', async () => {
    const dir = inject('clientDir')
    const files = await readdir(dir, { recursive: true, withFileTypes: true })
    const contents = await Promise.all(
      files
        .filter((entry) => entry.isFile())
        .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
    )

    expect(contents.length).toBeGreaterThan(1)
    for (const content of contents) expect(content).not.toContain(inject('secret'))
  })

  it('appears in no response the browser receives, through every flow of the demo', async () => {
    const { page, requestsTo, responseBodies } = await demo.visit()
    await page.goto('/')
    await page.getByRole('button', { name: /Ada Lovelace/ }).click()
    await page.getByRole('button', { name: 'Accept' }).click()
    await waitForVerified(page, 'user_ada')
    await page.getByRole('button', { name: "window.Intercom, Ada Lovelace's token" }).click()
    await page.waitForFunction(() => Boolean(window.__fakeIntercom?.state.refusal))
    await page.getByRole('button', { name: 'Through the SDK' }).click()
    await page
      .getByTestId('tamper-outcome')
      .getByText(/^The SDK refused/)
      .waitFor()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('button', { name: /Grace Hopper/ }).click()
    await waitForVerified(page, 'user_grace')
    await page.getByRole('button', { name: 'Revoke consent' }).click()
    await page.getByText('Support chat is off.').waitFor()

    const bodies = await responseBodies()
    // The bodies include the signed tokens, the fake's script and its verification answers.
    expect(bodies.some((body) => body.includes('"intercom_user_jwt"'))).toBe(true)
    expect(bodies.some((body) => body.includes('__fakeIntercom'))).toBe(true)
    expect(requestsTo('/fake-intercom/messenger/web/ping').length).toBeGreaterThan(0)
    for (const body of bodies) expect(body).not.toContain(inject('secret'))
  })
})
