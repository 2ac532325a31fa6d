import { afterAll, afterEach, beforeAll, vi } from 'vitest'
import { received, server } from './fakeIntercomServer'

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  received.length = 0
  vi.restoreAllMocks()
  if (typeof document !== 'undefined') {
    delete (window as { Intercom?: unknown }).Intercom
    document.body.replaceChildren()
    for (const pair of document.cookie.split(';')) {
      const name = pair.split('=')[0]?.trim()
      // biome-ignore lint/suspicious/noDocumentCookie: jsdom has no Cookie Store API; this is how the page sees cookies.
      if (name) document.cookie = `${name}=;path=/;max-age=0`
    }
  }
})
afterAll(() => server.close())
