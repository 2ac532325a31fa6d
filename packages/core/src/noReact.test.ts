import { describe, expect, it, vi } from 'vitest'

vi.mock('react', () => {
  throw new Error('@verified-messenger/core must not import react')
})

describe('without React', () => {
  it('imports and boots the core', async () => {
    const { createMessenger } = await import('@verified-messenger/core')
    const messenger = createMessenger({ appId: 'app123' })
    messenger.boot()
    expect(messenger.getSnapshot().status).toBe('loading')
  })
})
