import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FakeMessenger } from '@verified-messenger/testing'
import { describe, expect, it, vi } from 'vitest'
import { API_BASE, APP_ID, received } from './test/fakeIntercomServer'

// The built browser script, as a page loads it. `pnpm test` at the root builds every package before
// vitest runs; alone, run `pnpm --filter @verified-messenger/testing build` first.
const script = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../dist/messenger.global.js'),
  'utf8',
)

type Page = Window & {
  Intercom?: ((...args: unknown[]) => unknown) & { q?: unknown[][] }
  __fakeIntercom?: FakeMessenger
}

/** Runs the script as if a `<script src>` at `src` had loaded it. */
function loadScript(src: string) {
  const tag = document.createElement('script')
  tag.src = src
  vi.spyOn(document, 'currentScript', 'get').mockReturnValue(tag)
  new Function(script)()
}

describe('dist/messenger.global.js', () => {
  it('installs window.Intercom and exposes the handle as window.__fakeIntercom', () => {
    loadScript(`${API_BASE}/widget/${APP_ID}`)
    const page = window as Page

    expect(typeof page.Intercom).toBe('function')
    expect(page.__fakeIntercom?.state.booted).toBe(false)
    delete page.__fakeIntercom
  })

  it("replays the loader stub's queue and draws the launcher and panel", () => {
    const page = window as Page
    const q: unknown[][] = [['boot', { app_id: APP_ID }]]
    page.Intercom = Object.assign((...args: unknown[]) => void q.push(args), { q })
    loadScript(`${API_BASE}/widget/${APP_ID}`)

    expect(page.__fakeIntercom?.calls).toEqual([['boot', { app_id: APP_ID }]])
    expect(document.querySelector('[role="dialog"]')).not.toBeNull()
    expect(document.querySelector('button[aria-label="Open the Messenger"]')).not.toBeNull()
    delete page.__fakeIntercom
  })

  it('checks identities with the server it was loaded from', async () => {
    loadScript(`${API_BASE}/widget/${APP_ID}`)
    const page = window as Page
    vi.spyOn(console, 'error').mockImplementation(() => {})
    page.Intercom?.('boot', { user_id: 'forged' })
    await page.__fakeIntercom?.settled()

    expect(received.map((request) => request.url)).toEqual([`${API_BASE}/messenger/web/ping`])
    expect(page.__fakeIntercom?.state.refusal?.code).toBe('ERR_IDENTITY_MISSING')
    expect(document.cookie).not.toContain(`intercom-session-${APP_ID}`)
    delete page.__fakeIntercom
  })
})
