import { createIdentityHandler } from '@verified-messenger/signer'
import { DynamicServerError } from 'next/dist/client/components/hooks-server-context'
import { abortAndThrowOnSynchronousRequestDataAccess } from 'next/dist/server/app-render/dynamic-rendering'
import { BailoutToCSRError } from 'next/dist/shared/lib/lazy-dynamic/bailout-to-csr'
import { notFound, redirect, unstable_rethrow } from 'next/navigation'
import { describe, expect, it, vi } from 'vitest'

/** Captures what a Next.js API throws, made by Next's own code rather than imitated. */
function thrownBy(call: () => unknown): unknown {
  try {
    call()
  } catch (error) {
    return error
  }
  throw new Error('did not throw')
}

const nextControlFlow: [string, () => unknown][] = [
  ['redirect()', () => redirect('/login')],
  ['notFound()', () => notFound()],
  [
    'cookies() while prerendering with cacheComponents (NEXT_PRERENDER_INTERRUPTED)',
    () =>
      abortAndThrowOnSynchronousRequestDataAccess(
        '/api/intercom/identity',
        '`cookies()`',
        new Error(),
        {
          controller: new AbortController(),
          dynamicTracking: null,
        } as never,
      ),
  ],
  [
    'cookies() while prerendering without cacheComponents (DYNAMIC_SERVER_USAGE)',
    () => {
      throw new DynamicServerError('Route /api/intercom/identity used `cookies()`')
    },
  ],
  [
    'a bail-out to client rendering',
    () => {
      throw new BailoutToCSRError('useSearchParams()')
    },
  ],
]

describe('createIdentityHandler in a Next.js 16 route', () => {
  it.each(nextControlFlow)(
    'hands %s back to Next, as unstable_rethrow would',
    async (_name, make) => {
      const error = thrownBy(make)
      // Next's own verdict: this is control flow, not a failure.
      expect(() => unstable_rethrow(error)).toThrow()
      const onError = vi.fn()
      const GET = createIdentityHandler({
        secret: 'route-secret',
        onError,
        getUser: async () => {
          throw error
        },
      })
      await expect(GET(new Request('http://app.test/api/intercom/identity'), {})).rejects.toBe(
        error,
      )
      expect(onError).not.toHaveBeenCalled()
    },
  )

  it('still answers a failure that is not control flow with a logged 500', async () => {
    const failure = new Error('session store down')
    expect(() => unstable_rethrow(failure)).not.toThrow()
    const onError = vi.fn()
    const GET = createIdentityHandler({
      secret: 'route-secret',
      onError,
      getUser: () => Promise.reject(failure),
    })
    expect((await GET(new Request('http://app.test/api/intercom/identity'), {})).status).toBe(500)
    expect(onError).toHaveBeenCalledWith(failure)
  })
})
