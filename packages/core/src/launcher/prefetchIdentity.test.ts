import { PREFETCH_MAX_AGE, prefetchIdentity } from '@verified-messenger/core/launcher'
import { describe, expect, it, vi } from 'vitest'
import { HttpResponse, IDENTITY_URL, identityEndpoint, jwtBody } from '../test/fakePage'

const boot = (userId?: string) => ({
  reason: 'boot' as const,
  userId,
  signal: new AbortController().signal,
})

describe('prefetchIdentity', () => {
  it('hands the prefetched answer to the next boot for the same user, once', async () => {
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const identity = prefetchIdentity(IDENTITY_URL)
    identity.prefetch('42')
    identity.prefetch('42')
    await expect(identity(boot('42'))).resolves.toMatchObject({ user_id: '42' })
    expect(hits.count).toBe(1)

    await identity(boot('42'))
    expect(hits.count).toBe(2)
  })

  it('asks afresh for another user, for a renewal, and after PREFETCH_MAX_AGE', async () => {
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const identity = prefetchIdentity(IDENTITY_URL)

    identity.prefetch()
    await identity(boot('42'))
    expect(hits.count).toBe(2)

    identity.prefetch('42')
    await identity({ ...boot('42'), reason: 'refresh' })
    expect(hits.count).toBe(4)

    const now = Date.now()
    identity.prefetch('42')
    vi.spyOn(Date, 'now').mockReturnValue(now + PREFETCH_MAX_AGE + 1000)
    await identity(boot('42'))
    expect(hits.count).toBe(6)
  })

  it('answers null when nobody is signed in, as the endpoint contract says', async () => {
    identityEndpoint(() => HttpResponse.json({ error: 'unauthenticated' }, { status: 401 }))
    const identity = prefetchIdentity(IDENTITY_URL)
    identity.prefetch()
    await expect(identity(boot())).resolves.toBeNull()
  })
})
