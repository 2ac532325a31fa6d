import { type Call, createCallQueue } from './createCallQueue'
import { createExtensionPoint } from './createExtensionPoint'
import { createStore } from './createStore'
import { followConsent } from './followConsent'
import { FORWARDED_METHODS, WITHOUT_ARGUMENTS } from './forwardedMethods'
import { createIntercomDoor } from './intercomDoor'
import { initialState, type KernelEvent, snapshotOf } from './kernelState'
import { transition } from './lifecycle'
import { createEffectRunner } from './runEffects'
import { toIntercomSettings } from './toIntercomSettings'
import type {
  AuthTokens,
  BootSettings,
  Consent,
  Messenger,
  MessengerFeature,
  MessengerOptions,
} from './types'
import { warnUnverified } from './warnUnverified'
import { whenReady } from './whenReady'

const done = Promise.resolve()
const noop = () => {}

// `onClick={boot}`, as react-use-intercom's README writes it, passes the click event: that is no settings.
const settingsOf = (settings: BootSettings) => ('preventDefault' in settings ? {} : settings)

/**
 * Creates the object that owns the Intercom Messenger on the page. Nothing loads before `boot()` with
 * consent granted; a live consent source is listened to from here on. Safe to call on a server, where
 * it does nothing.
 * @example
 * const messenger = createMessenger({ appId: 'abc123', identity: '/api/intercom-identity' })
 * await messenger.boot({ userId: currentUser.id })
 * messenger.trackEvent('checkout')
 */
export const createMessenger = (options: MessengerOptions): Messenger => {
  const browser = typeof window !== 'undefined'
  const verified = !!options.identity
  const { consent: given = 'granted' } = options
  const source = typeof given === 'object' ? given : undefined
  let state = initialState(verified, source ? source.getSnapshot() : (given as Consent))
  const store = createStore(snapshotOf(state))
  // What a server rendered: React reads it while hydrating, whatever has changed on the client since.
  const created = store.get()
  const queue = createCallQueue()
  const features = createExtensionPoint()
  const door = browser ? createIntercomDoor(options.appId) : undefined
  let destroyed = false
  let unfollow = noop

  const dispatch = (event: KernelEvent) => {
    const [next, effects] = transition(state, event)
    state = next
    store.set(snapshotOf(state))
    features.emit(event)
    runner?.run(effects)
  }
  const runner = door && createEffectRunner({ options, door, queue, dispatch })

  // The end of an app call's way: Intercom once booted, else the queue of the session it was made in.
  const deliver = (call: Call, session: number) => {
    if (!door || state.consent === 'denied' || (session && session !== state.session)) return
    if (state.live) door.call(...call)
    else queue.push(session, call)
  }

  // Every app call passes the features' interceptors before it is delivered, in the session it was made in.
  const call = (...call: Call) => {
    const session = state.wanted ? state.session : 0
    features.route(call, (next) => deliver(next, session))
  }

  // A live consent source is one more feature on the extension point, attached while the Messenger is used.
  const follow = () => {
    if (browser && source) unfollow = messenger.extend(followConsent(source))
  }

  const messenger = {
    ...(Object.fromEntries(
      FORWARDED_METHODS.map((name, index) => [
        name,
        (...args: unknown[]) => call(name, index < WITHOUT_ARGUMENTS ? [] : args),
      ]),
    ) as Pick<Messenger, 'show'>),
    boot(settings: BootSettings = {}) {
      if (!runner) return done
      settings = settingsOf(settings)
      try {
        if (process.env.NODE_ENV !== 'production') warnUnverified('boot', settings, verified)
      } catch {}
      if (destroyed) {
        // Mounted again (React StrictMode): resume the renewal and the consent source destroy() stopped.
        destroyed = false
        dispatch({ type: 'resumed' })
        follow()
      }
      const { wanted } = state
      // A second boot() for the same user joins the first (StrictMode effects, several components).
      if (!wanted || state.phase === 'failed' || wanted.settings.userId !== settings.userId) {
        dispatch({ type: 'boot', settings })
      }
      return verified ? runner.booted(state.session) : done
    },
    update(settings?: BootSettings) {
      if (!browser) return
      let given = settingsOf(settings ?? {})
      try {
        if (process.env.NODE_ENV !== 'production') warnUnverified('update', given, verified)
      } catch {}
      if (given.authTokens && !state.live) {
        dispatch({ type: 'auth-tokens', authTokens: given.authTokens })
        given = { ...given, authTokens: undefined }
      }
      // A bare update() is Intercom's ping; update(clickEvent) sends `{}`, as react-use-intercom does.
      call('update', settings ? [toIntercomSettings(given)] : [])
    },
    setAuthTokens(authTokens: AuthTokens) {
      if (browser) dispatch({ type: 'auth-tokens', authTokens })
    },
    shutdown() {
      if (browser) dispatch({ type: 'shutdown' })
    },
    hardShutdown() {
      messenger.shutdown()
      runner?.unload()
    },
    signOut(appSignOut?: () => unknown) {
      if (!runner) return Promise.resolve(appSignOut?.()).then(noop)
      // Nothing of the leaving user stays on the page while the app's own sign-out runs.
      dispatch({ type: 'sign-out' })
      const { session } = state
      return new Promise((resolve) => resolve(appSignOut?.())).then(
        () => {
          dispatch({ type: 'signed-out', session })
          // A boot() for a user or a shutdown() meanwhile started another session: theirs it is now.
          return state.session === session && verified ? runner.booted(session) : done
        },
        (error) => {
          dispatch({ type: 'signed-out', session, error })
          throw error
        },
      )
    },
    setConsent(consent: Consent) {
      if (browser) dispatch({ type: 'consent', consent })
    },
    getVisitorId: () =>
      (store.get().status === 'booted' && (door?.call('getVisitorId', []) as string)) || '',
    ready: () => whenReady(store),
    subscribe: store.subscribe,
    getSnapshot: store.get,
    getServerSnapshot: () => created,
    extend: (feature: MessengerFeature) =>
      features.attach(feature, {
        messenger,
        options,
        load() {
          if (state.consent === 'granted') runner?.load()
        },
      }),
    destroy() {
      destroyed = true
      runner?.pause()
      unfollow()
    },
  } as Messenger
  follow()
  return messenger
}
