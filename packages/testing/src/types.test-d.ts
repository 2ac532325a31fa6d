import {
  type FakeCall,
  type FakeMessenger,
  installFakeMessenger,
  type RefusalCode,
} from '@verified-messenger/testing'
import { createFakeIntercom } from '@verified-messenger/testing/server'
import { describe, expectTypeOf, it } from 'vitest'

describe('public types', () => {
  it('installFakeMessenger takes optional options and returns the handle', () => {
    expectTypeOf(installFakeMessenger)
      .parameter(0)
      .toEqualTypeOf<
        { appId?: string; window?: Window; apiBase?: string; enforceIdentity?: boolean } | undefined
      >()
    expectTypeOf(installFakeMessenger()).toEqualTypeOf<FakeMessenger>()
  })

  it('records calls as [method, ...args] and exposes the state the e2e tests read', () => {
    const fake = installFakeMessenger()
    expectTypeOf(fake.calls).toEqualTypeOf<FakeCall[]>()
    expectTypeOf(fake.calls[0]?.[0]).toEqualTypeOf<string | undefined>()
    expectTypeOf(fake.state.userId).toEqualTypeOf<string | null>()
    expectTypeOf(fake.state.refusal?.code).toEqualTypeOf<RefusalCode | undefined>()
    expectTypeOf(fake.settled()).toEqualTypeOf<Promise<void>>()
  })

  it('createFakeIntercom requires a secret and returns a Fetch API handler', () => {
    // @ts-expect-error the secret is required
    createFakeIntercom({ appId: 'app123' })
    expectTypeOf(createFakeIntercom({ secret: ['new', 'old'] })).toEqualTypeOf<
      (request: Request) => Promise<Response>
    >()
  })
})
