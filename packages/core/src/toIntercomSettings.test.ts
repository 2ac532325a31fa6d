import { toIntercomSettings } from '@verified-messenger/core'
import { describe, expect, it } from 'vitest'

describe('toIntercomSettings', () => {
  it('sends camelCase settings to Intercom in snake_case at every depth', () => {
    expect(
      toIntercomSettings({
        userId: '1',
        intercomUserJwt: 'jwt',
        utmCampaign: 'spring',
        avatar: { type: 'avatar', imageUrl: 'https://example.com/a.png' },
        companies: [{ companyId: 'c1', monthlySpend: 5 }, { companyId: 'c2' }],
      }),
    ).toEqual({
      user_id: '1',
      intercom_user_jwt: 'jwt',
      utm_campaign: 'spring',
      avatar: { type: 'avatar', image_url: 'https://example.com/a.png' },
      companies: [{ company_id: 'c1', monthly_spend: 5 }, { company_id: 'c2' }],
    })
  })

  it('spreads customAttributes in as they are, at the top and inside a company', () => {
    expect(
      toIntercomSettings({
        name: 'Ada',
        customAttributes: { favouriteColour: 'teal', plan_tier: 2 },
        company: { companyId: 'c1', customAttributes: { seatsUsed: 3 } },
      }),
    ).toEqual({
      name: 'Ada',
      favouriteColour: 'teal',
      plan_tier: 2,
      company: { company_id: 'c1', seatsUsed: 3 },
    })
  })

  it('leaves out undefined fields and keeps false, 0 and empty strings', () => {
    expect(
      toIntercomSettings({
        userId: undefined,
        hideDefaultLauncher: false,
        verticalPadding: 0,
        name: '',
      }),
    ).toEqual({ hide_default_launcher: false, vertical_padding: 0, name: '' })
  })
})

describe('toIntercomSettings: what is sent and what is left out', () => {
  it('sends no key at all for an undefined field, at the top or in a company', () => {
    const settings = toIntercomSettings({
      userId: undefined,
      name: 'Ada',
      company: { companyId: 'c1', name: undefined },
    })
    expect(settings).toStrictEqual({ name: 'Ada', company: { company_id: 'c1' } })
    expect(Object.keys(settings)).toEqual(['name', 'company'])
  })

  it('passes null through, at the top and in a list, without failing', () => {
    expect(toIntercomSettings({ company: null, companies: [null] } as never)).toStrictEqual({
      company: null,
      companies: [null],
    })
  })
})
