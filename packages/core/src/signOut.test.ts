import { createMessenger } from '@verified-messenger/core'
import { describe, expect, it } from 'vitest'
import {
  APP_ID,
  callsTo,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  installWidget,
  intercomCalls,
  jwtBody,
  setCookies,
} from './test/fakePage'

const verified = () => createMessenger({ appId: APP_ID, identity: IDENTITY_URL })

// The server session outlives the click: the endpoint keeps vouching for the user who is leaving.
const sessionOutlivesTheClick = () => identityEndpoint(() => HttpResponse.json(jwtBody('42')))

describe('signOut', () => {
  it('shuts down and removes the cookies before the app signs out, then boots anonymous without asking who is signed in', async () => {
    installWidget()
    const hits = sessionOutlivesTheClick()
    const messenger = verified()
    await messenger.boot({ userId: '42', name: 'Ada' })
    setCookies(`intercom-session-${APP_ID}=abc;path=/`)
    intercomCalls.length = 0
    const seenByAppSignOut: unknown[] = []

    await messenger.signOut(() => {
      seenByAppSignOut.push(
        intercomCalls.map(([method]) => method),
        document.cookie,
        messenger.getSnapshot().identity,
      )
    })

    expect(seenByAppSignOut).toEqual([['shutdown'], '', null])
    expect(callsTo('boot')).toEqual([['boot', { app_id: APP_ID }]])
    expect(hits.count).toBe(1)
    expect(messenger.getSnapshot()).toMatchObject({ status: 'booted', identity: null })
  })

  it('waits for the app sign-out before booting the anonymous visitor', async () => {
    installWidget()
    sessionOutlivesTheClick()
    const messenger = verified()
    await messenger.boot({ userId: '42' })
    let endSession = () => {}
    const signedOut = messenger.signOut(
      () => new Promise<void>((resolve) => (endSession = resolve)),
    )
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(messenger.getSnapshot().status).toBe('shut-down')
    expect(callsTo('boot')).toHaveLength(1)
    endSession()
    await signedOut
    expect(callsTo('boot')).toHaveLength(2)
  })

  it('a boot() for nobody in particular during the sign-out joins it instead of asking the endpoint', async () => {
    installWidget()
    const hits = sessionOutlivesTheClick()
    const messenger = verified()
    await messenger.boot({ userId: '42' })
    let endSession = () => {}
    const signedOut = messenger.signOut(
      () => new Promise<void>((resolve) => (endSession = resolve)),
    )
    const effectBoot = messenger.boot()
    endSession()
    await Promise.all([signedOut, effectBoot])
    expect(hits.count).toBe(1)
    expect(callsTo('boot').map(([, settings]) => settings)).toEqual([
      expect.objectContaining({ user_id: '42' }),
      { app_id: APP_ID },
    ])
  })

  it('leaves the Messenger shut down and rejects when the app sign-out fails', async () => {
    installWidget()
    sessionOutlivesTheClick()
    const messenger = verified()
    await messenger.boot({ userId: '42' })
    const failure = new Error('sign-out failed')
    await expect(messenger.signOut(() => Promise.reject(failure))).rejects.toBe(failure)
    expect(messenger.getSnapshot()).toMatchObject({ status: 'shut-down', identity: null })
    expect(callsTo('boot')).toHaveLength(1)
  })

  it('a user signing in during the sign-out wins over the anonymous boot', async () => {
    installWidget()
    identityEndpoint(() => HttpResponse.json(jwtBody('7')))
    const messenger = verified()
    let endSession = () => {}
    const signedOut = messenger.signOut(
      () => new Promise<void>((resolve) => (endSession = resolve)),
    )
    const nextUser = messenger.boot({ userId: '7' })
    endSession()
    await Promise.all([signedOut, nextUser])
    expect(callsTo('boot').map(([, settings]) => settings)).toEqual([
      expect.objectContaining({ user_id: '7' }),
    ])
  })

  it('keeps the anonymous boot behind pending consent', async () => {
    installWidget()
    const hits = identityEndpoint(() => new HttpResponse(null, { status: 204 }))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL, consent: 'pending' })
    const signedOut = messenger.signOut()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(messenger.getSnapshot().status).toBe('awaiting-consent')
    expect(callsTo('boot')).toEqual([])
    messenger.setConsent('granted')
    await signedOut
    expect(callsTo('boot')).toEqual([['boot', { app_id: APP_ID }]])
    expect(hits.count).toBe(0)
  })
})
