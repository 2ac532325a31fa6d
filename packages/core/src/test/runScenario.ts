import { isDeepStrictEqual } from 'node:util'
import type { BootSettings, Messenger, MessengerOptions } from '@verified-messenger/core'
import { vi } from 'vitest'
import {
  APP_ID,
  failLoading,
  finishLoading,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  installWidget,
  intercomCalls,
  jwtBody,
  resetPage,
  server,
} from './fakePage'
import type { Call, Outcome, Scenario } from './scenario'

// One scripted page for differential.test.ts, which runs it with the old and the new kernel: the app
// calls, consent, identity answers, widget script and timers all happen at the same steps in both.

const T0 = new Date('2026-01-01T00:00:00Z')
const HASH = 'ab'.repeat(32)

/**
 * The value of every identity key the script passes in a spelling the old kernel let through (issue 16
 * item 1), so the new kernel's outcome is the old one without the FORGED values.
 */
export const FORGED = 'FORGED'
/** A JSON body an app passes on as it is: a `__proto__` key in it becomes the settings' prototype. */
export const withProto = (json: string) => JSON.parse(json)

// Functions become their kind, errors their code, and objects plain JSON with what they inherit (which
// Intercom reads as if it were their own), so outcomes compare as data.
const plain = (value: unknown): unknown => {
  if (value === undefined) return undefined
  const json = JSON.stringify(value, (_key, item) => {
    if (typeof item === 'function') return 'fn'
    if (item instanceof Error) return `error ${(item as { code?: string }).code}`
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item
    const flat: Record<string, unknown> = {}
    for (const key in item) flat[key] = item[key]
    return flat
  })
  return JSON.parse(json)
}

// Real setImmediate (not faked): lets msw's response, the JSON body and the promise chains run.
const settle = async () => {
  for (let turn = 0; turn < 4; turn++) await new Promise((resolve) => setImmediate(resolve))
}

// What the script uses of a Messenger, which both kernels have.
export type Kernel = (
  options: MessengerOptions,
) => Pick<
  Messenger,
  | 'boot'
  | 'update'
  | 'trackEvent'
  | 'show'
  | 'shutdown'
  | 'signOut'
  | 'setConsent'
  | 'setAuthTokens'
  | 'ready'
  | 'getVisitorId'
  | 'subscribe'
  | 'getSnapshot'
  | 'destroy'
>

/**
 * Plays one scenario's script with the kernel `create` makes, on a fresh page with fake timers, and
 * returns what the app and Intercom could observe.
 */
export const runScenario = async (create: Kernel, s: Scenario): Promise<Outcome> => {
  resetPage()
  localStorage.clear()
  server.resetHandlers()
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  })
  vi.setSystemTime(T0)

  // The server's session: who the endpoint vouches for, as the app signs in, switches and signs out.
  let signedIn: string | null = 'A'
  let hold = s.timing === 'switch' || s.timing === 'shutdown'
  let release = () => {}
  let answered = 0
  // The server still vouches for A with the very identity it rendered, so only the request differs.
  const renderedBody = jwtBody('A')
  const answer = () => {
    answered++
    if (s.rendered) return HttpResponse.json(renderedBody)
    if (s.answer === '204' || signedIn === null) return new HttpResponse(null, { status: 204 })
    if (s.answer === '500-then-200' && answered === 1)
      return new HttpResponse(null, { status: 500 })
    if (s.answer === 'mismatch') return HttpResponse.json(jwtBody('someone-else'))
    if (s.answer === 'hash') return HttpResponse.json({ user_id: signedIn, user_hash: HASH })
    return HttpResponse.json(jwtBody(signedIn))
  }
  const hits = identityEndpoint(() => {
    if (!hold) return answer()
    // The first request waits, so the script can act while it is in flight.
    hold = false
    return new Promise<Response>((resolve) => (release = () => resolve(answer())))
  })

  const outcome: Outcome = {
    calls: [],
    stub: [],
    settings: [],
    snapshots: [],
    settled: [],
    identityRequests: 0,
  }
  let step = 'create'
  const track = (name: string, promise: Promise<unknown>) =>
    promise.then(
      () => outcome.settled.push(`${name} resolved by ${step}`),
      (error) => outcome.settled.push(`${name} rejected ${plain(error)} by ${step}`),
    )
  const at = async (next: string) => {
    await settle()
    outcome.settings.push([step, plain(window.intercomSettings)])
    step = next
  }

  if (s.script === 'on-page') installWidget()
  const messenger = create({
    appId: APP_ID,
    identity: s.answer === 'none' ? undefined : IDENTITY_URL,
    consent: s.consent.startsWith('pending') ? 'pending' : 'granted',
    initialIdentity: s.rendered ? renderedBody : undefined,
  })
  // Every snapshot with the turn of the event loop it was published in.
  const published: [number, unknown][] = []
  let turn = 0
  let turnOpen = false
  const snap = () => {
    if (!turnOpen) {
      turnOpen = true
      turn++
      setImmediate(() => (turnOpen = false))
    }
    published.push([turn, plain(messenger.getSnapshot())])
  }
  snap()
  messenger.subscribe(snap)

  messenger.trackEvent('before-boot')
  messenger.update({ name: 'Early' })
  messenger.setAuthTokens({ crm: 'token-A' })
  if (s.rendered === 'after-sign-out') track('signOut', messenger.signOut())
  track(
    'boot A',
    messenger.boot({
      userId: 'A',
      name: 'Ada',
      USER_ID: FORGED,
      customAttributes: { plan: 'pro', 'User-Hash': FORGED },
    } as BootSettings),
  )
  track('ready', messenger.ready())
  await at('consent')
  if (s.rendered === 'late') await vi.advanceTimersByTimeAsync(61_000)
  if (s.consent === 'pending-granted') messenger.setConsent('granted')
  if (s.consent === 'pending-denied') messenger.setConsent('denied')
  await at('during identity request')
  messenger.trackEvent('during-identity', { note: 'A' })
  messenger.update({ name: 'During', custom_attributes: { user_id: FORGED } } as BootSettings)
  if (s.timing === 'switch') {
    signedIn = 'B'
    track('boot B', messenger.boot({ userId: 'B', name: 'Bob' }))
  }
  if (s.timing === 'shutdown') messenger.shutdown()
  await at('identity answered')
  release()
  await settle()
  // A 500 is retried after a second.
  await vi.advanceTimersByTimeAsync(1000)
  await at('script')
  if (s.script === 'loads') finishLoading()
  // What the snippet's stub holds is lost with the script, so it is recorded first.
  const stubbed = () => plain((window.Intercom as { q?: unknown[] } | undefined)?.q ?? []) as Call[]
  const lost = s.script === 'fails' ? stubbed() : []
  if (s.script === 'fails') failLoading()
  await at('after boot')
  messenger.trackEvent('after-boot', { 'user-id': FORGED })
  messenger.update({
    name: 'AfterBoot',
    customAttributes: { plan: 'team', Intercom_User_Jwt: FORGED },
  })
  if (s.timing === 'sign-out') {
    track(
      'signOut',
      messenger.signOut(() => {
        signedIn = null
      }),
    )
    await at('after sign-out')
    messenger.update({ name: 'Visitor', email: 'visitor@example.com' })
    messenger.trackEvent('after-sign-out')
  }
  if (s.timing === 'renewal') {
    await at('renewal')
    // The token lives an hour and is renewed 5 minutes before it expires.
    await vi.advanceTimersByTimeAsync(56 * 60_000)
  }
  await at('consent revoked')
  if (s.consent === 'granted-revoked') messenger.setConsent('denied')
  await at('end')
  messenger.update({ name: 'Last' })
  messenger.show()
  outcome.settled.push(`getVisitorId: ${messenger.getVisitorId()}`)
  await at('done')

  outcome.calls = plain(intercomCalls) as Call[]
  // Calls a failed script lost, then those the stub still holds for a script that has not arrived.
  outcome.stub = [...lost, ...stubbed()]
  outcome.identityRequests = hits.count
  // Each says by which step it settled; which of two settled first within a step is not compared.
  outcome.settled.sort()
  // The last snapshot of each turn, as a rendering app sees them: the old kernel also published states
  // in between (identity cleared, then the error) that no render shows.
  outcome.snapshots = published
    .filter(([at], index) => published[index + 1]?.[0] !== at)
    .map(([, snapshot]) => snapshot)
    .filter((snapshot, index, all) => index === 0 || !isDeepStrictEqual(snapshot, all[index - 1]))
  release()
  messenger.destroy()
  vi.useRealTimers()
  return outcome
}
