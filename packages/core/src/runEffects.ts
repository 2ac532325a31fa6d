import { createBootPromises } from './bootPromises'
import type { CallQueue } from './createCallQueue'
import { deleteIntercomCookies } from './deleteIntercomCookies'
import { isTransient, requestIdentity } from './identity'
import type { IntercomDoor } from './intercomDoor'
import type { Effect, KernelEvent } from './kernelState'
import { type IntercomWindow, loadIntercom, unloadIntercom } from './loader'
import { fail, type MessengerError } from './MessengerError'
import { renderedIdentity } from './renderedIdentity'
import { scheduleRefresh } from './scheduleRefresh'
import { toIntercomSettings } from './toIntercomSettings'
import type {
  IdentityResponse,
  IdentitySource,
  MessengerCallbacks,
  MessengerOptions,
} from './types'

// Intercom's callbacks, and what each one reports.
const CALLBACKS: [keyof MessengerCallbacks, (value?: number) => KernelEvent][] = [
  ['onShow', () => ({ type: 'widget', isOpen: true })],
  ['onHide', () => ({ type: 'widget', isOpen: false })],
  ['onUnreadCountChange', (unreadCount = 0) => ({ type: 'widget', unreadCount })],
  ['onUserEmailSupplied', () => ({ type: 'widget' })],
]

const noop = () => {}

/** What the effect runner works with. */
export interface EffectRunnerOptions {
  options: MessengerOptions
  door: IntercomDoor
  queue: CallQueue
  /** Where effects report back. */
  dispatch(event: KernelEvent): void
}

/** The one place with side effects: script, identity requests, timers, cookies and the door. */
export interface EffectRunner {
  run(effects: Effect[]): void
  /** The promise `boot()` returns for `session`: settled once its boot is sent, or it failed or ended. */
  booted(session: number): Promise<void>
  /** Downloads the widget script without booting. */
  load(): void
  /** Stops renewals (a Messenger no longer used), until the next `schedule-renewal`. */
  pause(): void
  /** Removes the `Intercom` global and the widget's script tag. */
  unload(): void
}

/** Creates the runner of a Messenger's effects. */
export const createEffectRunner = ({
  options,
  door,
  queue,
  dispatch,
}: EffectRunnerOptions): EffectRunner => {
  const { appId, region } = options
  const source = options.identity as IdentitySource
  const src = options.scriptUrl ?? `https://widget.intercom.io/widget/${appId}`
  const apiBase =
    options.apiBase ??
    (region && `https://api-iam.${region === 'us' ? '' : `${region}.`}intercom.io`)
  const rendered = renderedIdentity(appId, options.initialIdentity)
  const boots = createBootPromises()
  let controller = new AbortController()
  let stopRenewal = noop
  let loadedOnce = false
  // How the script download a session started while asking who the user is failed, if it did: its boot
  // reports that rather than inserting the script again (a blocked script is tried once per boot).
  let earlyFailure: { session: number; error: MessengerError } | undefined
  const load = () => loadIntercom(src, options)

  const identify = (session: number, userId: string | undefined) => {
    const fromPage = rendered.take(userId)
    const answer =
      fromPage !== undefined
        ? Promise.resolve(fromPage)
        : requestIdentity(source, userId, 'boot', controller.signal)
    answer.then(
      (identity) =>
        dispatch(
          identity || userId === undefined
            ? { type: 'identified', session, identity }
            : {
                type: 'identity-failed',
                session,
                error: fail('IDENTITY_UNAUTHENTICATED', 'boot'),
              },
        ),
      (error) => dispatch({ type: 'identity-failed', session, error }),
    )
  }

  const scheduleRenewal = (session: number, expiresAt: number, userId: string) => {
    stopRenewal()
    const { signal } = controller
    stopRenewal = scheduleRefresh(expiresAt, () =>
      requestIdentity(source, userId, 'refresh', signal).then(
        (identity: IdentityResponse | null) =>
          dispatch(
            identity
              ? { type: 'renewed', session, identity }
              : {
                  type: 'renewal-failed',
                  session,
                  retry: false,
                  error: fail('IDENTITY_UNAUTHENTICATED', 'renewal'),
                },
          ),
        (error) =>
          dispatch({
            type: 'renewal-failed',
            session,
            error,
            // A blip while the token still works is retried; anything else ends the user's session.
            retry: isTransient(error) && expiresAt * 1000 > Date.now(),
          }),
      ),
    )
  }

  const boot = ({ session, settings, identity }: Extract<Effect, { type: 'boot' }>) => {
    if (earlyFailure?.session === session) {
      const { error } = earlyFailure
      // Reported after this transition's other effects, as a failure of a loading script would be.
      return void Promise.resolve().then(() => dispatch({ type: 'load-failed', session, error }))
    }
    const loading = load()
    door.boot(
      toIntercomSettings({ appId, apiBase, ...settings }),
      !source ? 'unverified' : identity ? 'verified' : 'anonymous',
      identity,
    )
    for (const [name, report] of CALLBACKS) {
      door.call(name, [
        (value?: number) => {
          dispatch(report(value))
          ;(options[name] as ((value?: number) => void) | undefined)?.(value)
        },
      ])
    }
    // What the stub holds from here on is the app's calls; should the script fail, they wait for a retry.
    const stubbed = (window as IntercomWindow).Intercom?.q
    const from = stubbed?.length
    queue.flush(session, ([name, args]) => door.call(name, args))
    // Intercom already on the page (the snippet, a test's mock) settles the boot at once, inside the caller's act().
    if (!loading) return dispatch({ type: 'loaded', session })
    loading.then(
      () => dispatch({ type: 'loaded', session }),
      (error) => {
        for (const [name, ...args] of stubbed?.slice(from) ?? []) {
          queue.push(session, [name as string, args])
        }
        dispatch({ type: 'load-failed', session, error })
      },
    )
  }

  const run = (effect: Effect) => {
    switch (effect.type) {
      case 'end': {
        const { session, carry } = effect
        controller.abort()
        controller = new AbortController()
        stopRenewal()
        queue.release(session, carry)
        boots.end(session, carry, () => fail('BOOT_INTERRUPTED'))
        if (effect.signedIn || effect.cookies) rendered.sessionEnded()
        if (effect.cookies) deleteIntercomCookies(appId)
        return
      }
      case 'shutdown':
        return door.shutdown()
      case 'identify':
        // Who the user is does not change the script: it downloads while the identity request runs.
        load()?.catch((error: MessengerError) => {
          earlyFailure = { session: effect.session, error }
        })
        return identify(effect.session, effect.userId)
      case 'boot':
        return boot(effect)
      case 'schedule-renewal':
        return scheduleRenewal(effect.session, effect.expiresAt, effect.userId)
      case 'renew':
        return door.renew(effect.identity)
      case 'set-auth-tokens':
        return void door.call('setAuthTokens', [effect.authTokens])
      case 'drop-calls':
        return queue.clear()
      case 'settle':
        return boots.settle(effect.session, effect.error)
      case 'report':
        return options[effect.to]?.(effect.error)
      case 'loaded':
        if (!loadedOnce) options.onLoad?.()
        loadedOnce = true
    }
  }

  return {
    run: (effects) => effects.forEach(run),
    booted: (session) => boots.of(session).promise,
    load: () => void load()?.catch(noop),
    pause: () => stopRenewal(),
    unload: () => unloadIntercom(src),
  }
}
