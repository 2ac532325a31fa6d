import {
  createMessenger,
  IntercomProvider,
  type UseIntercom,
  useIntercomState,
} from '@verified-messenger/react'
import { expectTypeOf, test } from 'vitest'

test('IntercomProvider takes an appId or a ready-made messenger, not both and not neither', () => {
  const messenger = createMessenger({ appId: 'abc123' })
  ;<IntercomProvider appId="abc123" consent="pending" region="eu" autoBoot />
  ;<IntercomProvider messenger={messenger} consent="granted" />
  // @ts-expect-error: which Intercom app?
  ;<IntercomProvider autoBoot />
  // @ts-expect-error: the messenger already has its app id
  ;<IntercomProvider appId="abc123" messenger={messenger} />
  // @ts-expect-error: consent is a closed set
  ;<IntercomProvider appId="abc123" consent="yes" />
})

test('useIntercom keeps react-use-intercom signatures and returns boot as a promise', () => {
  expectTypeOf<UseIntercom['boot']>().returns.toEqualTypeOf<Promise<void>>()
  expectTypeOf<UseIntercom['trackEvent']>().parameters.toEqualTypeOf<
    [event: string, metadata?: object]
  >()
  expectTypeOf<UseIntercom['getVisitorId']>().returns.toEqualTypeOf<string>()
  expectTypeOf<UseIntercom['isOpen']>().toEqualTypeOf<boolean>()
})

test('useIntercomState returns what the selector returns', () => {
  expectTypeOf(useIntercomState((state) => state.unreadCount)).toEqualTypeOf<number>()
})
