// @vitest-environment node
import * as core from '@verified-messenger/core'
import { shareRenewal } from '@verified-messenger/core/share-renewal'
import { syncSignOut } from '@verified-messenger/core/sync-sign-out'
import { describe, expect, it } from 'vitest'

describe('on a server (no window)', () => {
  it('imports, creates and calls every method without throwing or doing anything', async () => {
    expect(typeof window).toBe('undefined')
    const messenger = core.createMessenger({
      appId: 'app123',
      identity: 'https://app.test/api/intercom-identity',
      consent: 'pending',
    })
    const listener = () => {
      throw new Error('no state change is expected on a server')
    }
    messenger.subscribe(listener)
    const before = messenger.getSnapshot()
    await expect(messenger.boot({ userId: '1' })).resolves.toBeUndefined()
    messenger.update({ name: 'Ada' })
    messenger.setConsent('granted')
    for (const method of [
      'hide',
      'show',
      'showSpace',
      'showMessages',
      'showNewMessage',
      'startConversation',
      'trackEvent',
      'startTour',
      'showArticle',
      'showNews',
      'startSurvey',
      'startChecklist',
      'showTicket',
      'showConversation',
      'hideNotifications',
    ] as const) {
      expect((messenger[method] as (...args: unknown[]) => unknown)('x')).toBeUndefined()
    }
    messenger.setAuthTokens({ security_token: 'jwt' })
    expect(messenger.getVisitorId()).toBe('')
    messenger.shutdown()
    messenger.hardShutdown()
    messenger.destroy()
    expect(messenger.getSnapshot()).toBe(before)
    expect(before.status).toBe('awaiting-consent')
  })

  it('attaches the tab features without doing anything', () => {
    const messenger = core.createMessenger({ appId: 'app123' })
    const detach = syncSignOut(messenger, { appId: 'app123' })
    const identity = shareRenewal('https://app.test/api/intercom-identity', { appId: 'app123' })
    expect(detach()).toBeUndefined()
    expect(identity.close()).toBeUndefined()
  })

  it('maps settings without a DOM', () => {
    expect(core.toIntercomSettings({ userId: '1' })).toEqual({ user_id: '1' })
  })
})
