// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'

describe('the browser script before the package is built', () => {
  it('answers 500 saying which build to run, instead of an empty script', async () => {
    // As on a fresh clone where the package was never built. The setup file already loaded the server
    // modules, so they are loaded again after the mock.
    vi.resetModules()
    vi.doMock('node:fs/promises', () => ({
      readFile: async () => {
        throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' })
      },
    }))
    const { createFakeIntercom } = await import('@verified-messenger/testing/server')
    const fake = createFakeIntercom({
      secret: 'a-secret-value-of-32-characters-or-more',
      appId: 'app123',
    })
    const response = await fake(new Request('http://127.0.0.1/widget/app123'))

    expect(response.status).toBe(500)
    expect(await response.text()).toMatch(
      /^\[verified-messenger\/testing\] .*dist\/messenger\.global\.js.*pnpm --filter @verified-messenger\/testing build$/,
    )
  })
})
