import { afterAll, afterEach, beforeAll, vi } from 'vitest'
import { resetPage, server } from './fakePage'

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
  vi.restoreAllMocks()
  if (typeof document !== 'undefined') resetPage()
})
afterAll(() => server.close())
