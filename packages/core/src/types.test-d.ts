import {
  type BootSettings,
  createMessenger,
  type IdentitySource,
  type IntercomSettings,
  type MessengerError,
  type MessengerErrorCode,
  type MessengerSnapshot,
  type SnakeCase,
  toIntercomSettings,
} from '@verified-messenger/core'
import { describe, expectTypeOf, it } from 'vitest'

describe('settings types', () => {
  it('boot and update take camelCase BootSettings', () => {
    const messenger = createMessenger({ appId: 'app123' })
    expectTypeOf(messenger.boot).parameter(0).toEqualTypeOf<BootSettings | undefined>()
    expectTypeOf(messenger.update).parameter(0).toEqualTypeOf<BootSettings | undefined>()
    expectTypeOf(messenger.boot).returns.toEqualTypeOf<Promise<void>>()
    // @ts-expect-error Intercom's snake_case keys are not settings: write userId.
    messenger.boot({ user_id: '1' })
    // @ts-expect-error hideDefaultLauncher is a boolean.
    messenger.boot({ hideDefaultLauncher: 'yes' })
  })

  it('maps keys to snake_case at every depth', () => {
    expectTypeOf<SnakeCase<'userId'>>().toEqualTypeOf<'user_id'>()
    expectTypeOf<SnakeCase<'intercomUserJwt'>>().toEqualTypeOf<'intercom_user_jwt'>()
    expectTypeOf<SnakeCase<'utmCampaign'>>().toEqualTypeOf<'utm_campaign'>()
    type Raw = IntercomSettings<BootSettings>
    expectTypeOf<Raw['user_id']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Raw['intercom_user_jwt']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Raw['hide_default_launcher']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<NonNullable<Raw['company']>['company_id']>().toEqualTypeOf<string>()
    expectTypeOf<NonNullable<Raw['companies']>[number]['monthly_spend']>().toEqualTypeOf<
      number | undefined
    >()
    expectTypeOf<NonNullable<Raw['avatar']>['image_url']>().toEqualTypeOf<string | undefined>()
    // Open string unions (`'left' | 'right' | (string & {})`) stay strings, not objects.
    expectTypeOf<Raw['alignment']>().toEqualTypeOf<BootSettings['alignment']>()
    expectTypeOf<NonNullable<Raw['avatar']>['type']>().toEqualTypeOf<'avatar' | (string & {})>()
    expectTypeOf<Raw['auth_tokens']>().toExtend<Record<string, string> | undefined>()
  })

  it("takes react-use-intercom's settings: open alignment and avatar type, numeric lastRequestAt, auth tokens", () => {
    const messenger = createMessenger({ appId: 'app123' })
    messenger.boot({
      alignment: 'center',
      zIndex: 10,
      linkColor: '#00f',
      themeMode: 'dark',
      messengerStyleId: 's1',
      hideNotifications: true,
      lastRequestAt: 1700000000,
      avatar: { type: 'image' },
      authTokens: { security_token: 'jwt' },
    })
    interface Purchase {
      item: string
    }
    const purchase: Purchase = { item: 'NES' }
    messenger.trackEvent('purchased', purchase)
    expectTypeOf(messenger.getVisitorId()).toEqualTypeOf<string>()
    // @ts-expect-error auth tokens are strings
    messenger.setAuthTokens({ security_token: 1 })
  })

  it('toIntercomSettings returns the mapped type', () => {
    const raw = toIntercomSettings({ userId: '1', createdAt: 5, customAttributes: { plan: 'pro' } })
    expectTypeOf(raw.user_id).toEqualTypeOf<string>()
    expectTypeOf(raw.created_at).toEqualTypeOf<number>()
    expectTypeOf(raw).toHaveProperty('plan')
  })

  it('identity accepts a URL, a URL with fetch options, or a transport', () => {
    expectTypeOf<'/api/identity'>().toExtend<IdentitySource>()
    expectTypeOf<{ url: string; init: RequestInit }>().toExtend<IdentitySource>()
    createMessenger({
      appId: 'a',
      identity: async ({ userId, reason, signal }) => {
        expectTypeOf(userId).toEqualTypeOf<string | undefined>()
        expectTypeOf(reason).toEqualTypeOf<'boot' | 'refresh'>()
        expectTypeOf(signal).toEqualTypeOf<AbortSignal>()
        return null
      },
    })
    // @ts-expect-error a transport resolves to the endpoint's body, snake_case.
    createMessenger({ appId: 'a', identity: async () => ({ userId: '1' }) })
  })

  it('errors carry a code callers can switch on', () => {
    expectTypeOf<MessengerError['code']>().toEqualTypeOf<MessengerErrorCode>()
    expectTypeOf<MessengerSnapshot['error']>().toEqualTypeOf<MessengerError | null>()
    expectTypeOf<MessengerSnapshot['status']>().toEqualTypeOf<
      'idle' | 'awaiting-consent' | 'loading' | 'identifying' | 'booted' | 'shut-down' | 'error'
    >()
  })
})
