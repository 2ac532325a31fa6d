import * as ours from '@verified-messenger/react'
import {
  type AuthTokens,
  type DataAttributes,
  type DataAttributesAvatar,
  type DataAttributesCompany,
  type IntercomBootProps,
  type IntercomContextValues,
  type IntercomMethod,
  type IntercomProps,
  IntercomProvider,
  type IntercomProviderProps,
  type IntercomSpace,
  type LogLevel,
  type MessengerAttributes,
  useIntercom,
} from '@verified-messenger/react'
import type * as theirs from 'react-use-intercom'
import { expectTypeOf, test } from 'vitest'
import { ReadmeExample } from './test/readmeExample'

test("react-use-intercom's README example compiles against ours: every export it has, with compatible types", () => {
  ;<ReadmeExample library={ours} appId="abc123" />
})

test('IntercomProvider takes every react-use-intercom prop, with its types', () => {
  ;<IntercomProvider
    appId="abc123"
    autoBoot
    autoBootProps={{ name: 'Russo', zIndex: 10, themeMode: 'dark', authTokens: { a: 'b' } }}
    onHide={() => {}}
    onShow={() => {}}
    onUnreadCountChange={(unreadCount: number) => void unreadCount}
    onUserEmailSupplied={() => {}}
    shouldInitialize={false}
    apiBase="https://abc123.intercom-messenger.com"
    initializeDelay={1000}
    cspNonce="n0nce"
    crossOrigin=""
    onLoad={() => {}}
    onLoadFailed={() => {}}
    data-testid="intercom"
  >
    <p>Hi there, I am a child of the IntercomProvider</p>
  </IntercomProvider>
  expectTypeOf<theirs.IntercomProviderProps>().toExtend<IntercomProviderProps>()
})

test('useIntercom() has every method of theirs, and each accepts what theirs accepts', () => {
  expectTypeOf(useIntercom).returns.toExtend<theirs.IntercomContextValues>()
  expectTypeOf<IntercomContextValues>().toExtend<theirs.IntercomContextValues>()
  const { trackEvent, getVisitorId, setAuthTokens, showSpace, update } = useIntercom()
  interface Purchase {
    item: string
    price: { amount: number; currency: string }
  }
  const purchase: Purchase = { item: 'NES', price: { amount: 2900, currency: 'usd' } }
  trackEvent('purchased-item', purchase)
  const visitorId: string = getVisitorId()
  void visitorId
  setAuthTokens({ security_token: 'refreshed-jwt' })
  const space: theirs.IntercomSpace = 'tickets'
  showSpace(space)
  update()
  update({ lastRequestAt: 1700000000, alignment: 'center', avatar: { type: 'avatar' } })
})

test('their exported type names exist in ours and take their values (ours hands out what theirs does)', () => {
  expectTypeOf<theirs.IntercomProps>().toExtend<IntercomProps>()
  expectTypeOf<theirs.IntercomBootProps>().toExtend<IntercomBootProps>()
  expectTypeOf<theirs.MessengerAttributes>().toExtend<MessengerAttributes>()
  expectTypeOf<theirs.DataAttributes>().toExtend<DataAttributes>()
  expectTypeOf<theirs.DataAttributesCompany>().toExtend<DataAttributesCompany>()
  expectTypeOf<theirs.DataAttributesAvatar>().toExtend<DataAttributesAvatar>()
  expectTypeOf<theirs.AuthTokens>().toEqualTypeOf<AuthTokens>()
  expectTypeOf<theirs.IntercomSpace>().toExtend<IntercomSpace>()
  expectTypeOf<theirs.IntercomMethod>().toEqualTypeOf<IntercomMethod>()
  expectTypeOf<theirs.LogLevel>().toEqualTypeOf<LogLevel>()
})

test('the settings react-use-intercom types, in a file written against its README', () => {
  const props: IntercomProps = {
    email: 'john.doe@example.com',
    userId: '9876',
    createdAt: 1234567890,
    lastRequestAt: '2026-01-01',
    alignment: 'left',
    zIndex: 2147483001,
    linkColor: '#0057ff',
    themeMode: 'system',
    messengerStyleId: 'style-1',
    hideNotifications: true,
    avatar: { type: 'avatar', imageUrl: 'https://example.com/a.png' },
    company: { companyId: 'c1', customAttributes: { tier: 'gold' } },
    authTokens: { security_token: 'abc...', api_token: 'xyz...' },
    customAttributes: { custom_attribute_key: 'hi there' },
  }
  void props
  // @ts-expect-error themeMode is a closed set, as in react-use-intercom
  void ({ themeMode: 'sepia' } satisfies IntercomProps)
})
