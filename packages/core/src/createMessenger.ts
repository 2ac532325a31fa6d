import { createCallQueue } from './createCallQueue'
import { createStore } from './createStore'
import { deleteIntercomCookies } from './deleteIntercomCookies'
import { devWarning } from './devWarning'
import { isTransient, requestIdentity } from './identity'
import { type IntercomWindow, loadIntercom, unloadIntercom } from './loader'
import { fail, type MessengerError } from './MessengerError'
import { scheduleRefresh } from './scheduleRefresh'
import { toIntercomSettings } from './toIntercomSettings'
import type {
  BootSettings,
  Consent,
  IdentityResponse,
  IdentitySource,
  Messenger,
  MessengerCallbacks,
  MessengerOptions,
  MessengerSnapshot,
  MessengerStatus,
  VerifiedIdentity,
} from './types'

// Every Intercom method that only forwards its arguments; these wait in the queue until boot.
const METHODS =
  'hide show showSpace showMessages showNewMessage startConversation trackEvent startTour showArticle showNews startSurvey startChecklist showTicket showConversation hideNotifications'.split(
    ' ',
  )

// Page-level record of the session a Messenger booted (`<appId>:<userId>`), so a Messenger created again
// for the same app and user (a remounted React tree) takes the session over instead of booting twice.
const SESSION = '__verifiedMessenger'

// Intercom's callbacks, and what each one changes in the snapshot.
const CALLBACKS: [keyof MessengerCallbacks, (value?: number) => Partial<MessengerSnapshot>][] = [
  ['onShow', () => ({ isOpen: true })],
  ['onHide', () => ({ isOpen: false })],
  ['onUnreadCountChange', (unreadCount = 0) => ({ unreadCount })],
  ['onUserEmailSupplied', () => ({})],
]

const done = Promise.resolve()
const noop = () => {}

// What the app may send while `identity` is configured: no user id and no proof of one, as only the
// identity endpoint vouches for users.
const unverified = ({ userId, userHash, intercomUserJwt, ...rest }: BootSettings) => rest

// What may be sent for an anonymous visitor: nothing that names a user, not even an email.
const anonymous = ({ email, ...rest }: BootSettings) => unverified(rest)

const statusWithout = (consent: Consent): MessengerStatus =>
  consent === 'pending' ? 'awaiting-consent' : 'idle'

const warnUnverified = (settings: BootSettings, hasSource: boolean) => {
  if (/^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(settings.userHash ?? '')) {
    devWarning(
      'userHash looks like a JWT, and Intercom rejects a JWT in user_hash: pass it as intercomUserJwt, or configure `identity`.',
    )
  }
  if (!hasSource && settings.userId && !settings.userHash && !settings.intercomUserJwt) {
    devWarning(
      'boot({ userId }) without `identity`, userHash or intercomUserJwt sends a user id nobody vouched for: configure `identity` so your server signs it.',
    )
  }
}

/**
 * Creates the object that owns the Intercom Messenger on the page. Creating it has no side effects;
 * nothing loads before `boot()` with consent granted. Safe to call on a server, where it does nothing.
 * @example
 * const messenger = createMessenger({ appId: 'abc123', identity: '/api/intercom-identity' })
 * await messenger.boot({ userId: currentUser.id })
 * messenger.trackEvent('checkout')
 */
export const createMessenger = (options: MessengerOptions): Messenger => {
  const { appId, identity: source, region } = options
  const browser = typeof window !== 'undefined'
  const w = (browser ? window : {}) as IntercomWindow & { [SESSION]?: string }
  const initialConsent = options.consent ?? 'granted'
  const store = createStore<MessengerSnapshot>({
    status: statusWithout(initialConsent),
    consent: initialConsent,
    isOpen: false,
    unreadCount: 0,
    identity: null,
    error: null,
  })
  const { get: snapshot, set } = store
  const queue = createCallQueue<[string, unknown[]]>()
  const src = options.scriptUrl ?? `https://widget.intercom.io/widget/${appId}`
  const apiBase =
    options.apiBase ??
    (region && `https://api-iam.${region === 'us' ? '' : `${region}.`}intercom.io`)
  // What the app last asked to boot; kept while consent is withheld so granting it boots.
  let want: BootSettings | undefined
  // The boot of `want`, in progress or done; a second boot() for the same user returns it.
  let run: Promise<void> | undefined
  // Aborted whenever a session ends: stops its identity request, and identity answers and loads that
  // arrive later see their session's signal aborted and are discarded.
  let session = new AbortController()
  // This object booted Intercom and has not shut it down since.
  let live = false
  let loadedOnce = false
  let destroyed = false
  // Cancels the scheduled renewal; calling it again (or a stale one) is harmless.
  let stopRefresh = noop
  // Settles when consent is granted; boots asked for while it is withheld wait on it.
  let openGate = noop
  let gate =
    initialConsent === 'granted' ? done : new Promise<void>((resolve) => (openGate = resolve))

  const intercom = (...args: unknown[]) =>
    typeof w.Intercom === 'function' ? w.Intercom(...args) : undefined

  const call = (name: string, args: unknown[]) => {
    if (!browser || snapshot().consent === 'denied') return
    if (snapshot().status === 'booted') intercom(name, ...args)
    else queue.push([name, args])
  }

  // Ends this object's session: identity request aborted, refresh stopped, Intercom shut down.
  const end = () => {
    session.abort()
    session = new AbortController()
    run = undefined
    stopRefresh()
    if (live) {
      intercom('shutdown')
      delete w[SESSION]
      delete w.intercomSettings
      live = false
      set({ identity: null, isOpen: false, unreadCount: 0 })
    }
  }

  // Boots Intercom with settings that are verified (or carry no user), then waits for the script.
  const start = (
    settings: BootSettings | Omit<IdentityResponse, 'expires_at'>,
    identity: VerifiedIdentity | null,
  ) => {
    const { signal } = session
    const raw: Record<string, unknown> = toIntercomSettings({ appId, apiBase, ...settings })
    const key = `${appId}:${raw.user_id ?? ''}`
    const loaded = loadIntercom(src, options)
    // Taking over a session booted for the same user only hands over the (possibly newer) settings.
    intercom(w[SESSION] === key ? 'update' : 'boot', raw)
    w[SESSION] = key
    w.intercomSettings = raw
    live = true
    for (const [event, patch] of CALLBACKS) {
      intercom(event, (value?: number) => {
        set(patch(value))
        ;(options[event] as ((value?: number) => void) | undefined)?.(value)
      })
    }
    set({ status: 'loading', identity, error: null })
    loaded.then(
      () => {
        if (signal.aborted) return
        set({ status: 'booted' })
        queue.flush(([name, args]) => intercom(name, ...args))
        if (!loadedOnce) options.onLoad?.()
        loadedOnce = true
      },
      (error: MessengerError) => {
        if (signal.aborted) return
        end()
        set({ status: 'error', error })
        options.onLoadFailed?.(error)
      },
    )
  }

  const refreshLater = () => {
    const { signal } = session
    const expiresAt = snapshot().identity?.expiresAt
    if (expiresAt && !destroyed) stopRefresh = scheduleRefresh(expiresAt, () => refresh(signal))
  }

  // Only a verified session has an expiry to refresh, so `source` and `identity` are set here.
  const refresh = (signal: AbortSignal) => {
    const identity = snapshot().identity as VerifiedIdentity
    requestIdentity(source as IdentitySource, identity.userId, 'refresh', signal)
      .then((response) => {
        if (signal.aborted) return
        if (!response) {
          throw fail(
            'IDENTITY_UNAUTHENTICATED',
            'The identity endpoint answered 401 to a token renewal, so the Messenger now runs anonymous',
          )
        }
        const { user_id, expires_at, ...proof } = response
        intercom('update', proof)
        w.intercomSettings = { ...w.intercomSettings, ...proof }
        set({ identity: { ...identity, expiresAt: expires_at } })
        refreshLater()
      })
      .catch((error: MessengerError) => {
        if (signal.aborted) return
        // A blip while the token still works is retried later; anything else ends the user's session.
        if (isTransient(error) && (identity.expiresAt ?? 0) * 1000 > Date.now()) refreshLater()
        else {
          const visitor = anonymous(want ?? {})
          end()
          want = visitor
          run = done
          start(visitor, null)
        }
        set({ error })
        options.onIdentityError?.(error)
      })
  }

  // Runs the boot of `want` once consent allows: identity first when a source is configured.
  const begin = (signal: AbortSignal): Promise<void> => {
    const settings = want
    if (signal.aborted || !settings) return done
    if (!source) {
      start(settings, null)
      return done
    }
    // Who the user is does not change the script: download it while the identity request runs, so the
    // boot waits for the slower of the two rather than their sum. Loading boots nothing; start() reuses
    // this load and reports its failure.
    loadIntercom(src, options).catch(noop)
    set({ status: 'identifying' })
    return requestIdentity(source, settings.userId, 'boot', signal)
      .then((response) => {
        if (signal.aborted) return
        if (!response) {
          if (settings.userId) {
            throw fail(
              'IDENTITY_UNAUTHENTICATED',
              'The identity endpoint answered 401 (nobody signed in) to boot({ userId })',
            )
          }
          return start(anonymous(settings), null)
        }
        const { expires_at: expiresAt, ...verified } = response
        start(
          { ...unverified(settings), ...verified },
          {
            userId: verified.user_id,
            method: verified.intercom_user_jwt ? 'jwt' : 'hmac',
            expiresAt,
          },
        )
        refreshLater()
      })
      .catch((error: MessengerError) => {
        if (signal.aborted) return
        run = undefined
        set({ status: 'error', error })
        options.onIdentityError?.(error)
        throw error
      })
  }

  // Boots `want` now when consent allows, else once it is granted.
  const arm = () => {
    const { signal } = session
    const consent = snapshot().consent
    if (consent !== 'granted') set({ status: statusWithout(consent) })
    const boot = consent === 'granted' ? begin(signal) : gate.then(() => begin(signal))
    // Failures reach `error` and onIdentityError too, so a caller that does not await is not an unhandled rejection.
    boot.catch(noop)
    run = boot
    return source ? boot : done
  }

  const shutdown = () => {
    if (!browser) return
    end()
    want = undefined
    delete w.intercomSettings
    set({ status: 'shut-down' })
  }

  return {
    ...(Object.fromEntries(
      METHODS.map((name) => [name, (...args: unknown[]) => call(name, args)]),
    ) as Pick<Messenger, 'show'>),
    boot(settings = {}) {
      if (!browser) return done
      try {
        if (process.env.NODE_ENV !== 'production') warnUnverified(settings, !!source)
      } catch {}
      if (destroyed) {
        // Mounted again (React StrictMode): resume the refresh that destroy() stopped.
        destroyed = false
        refreshLater()
      }
      if (run && want?.userId === settings.userId) return source ? run : done
      end()
      want = settings
      return arm()
    },
    update(settings = {}) {
      if (source) {
        try {
          if (process.env.NODE_ENV !== 'production' && settings.userId !== undefined) {
            devWarning(
              'update({ userId }) is ignored while `identity` is configured, because that user id is not verified: call boot({ userId }) to switch users.',
            )
          }
        } catch {}
        settings = unverified(settings)
      }
      call('update', [toIntercomSettings(settings)])
    },
    shutdown,
    hardShutdown() {
      shutdown()
      if (browser) unloadIntercom(src)
    },
    setConsent(consent: Consent) {
      const was = snapshot().consent
      if (!browser || consent === was) return
      set({ consent })
      if (consent === 'granted') {
        gate = done
        openGate()
        if (!want) set({ status: 'idle' })
        return
      }
      if (consent === 'denied') queue.clear()
      if (was === 'granted') {
        gate = new Promise((resolve) => (openGate = resolve))
        const kept = want
        end()
        deleteIntercomCookies(appId)
        want = kept
        if (kept) return void arm()
      }
      set({ status: statusWithout(consent) })
    },
    preload() {
      if (browser && snapshot().consent === 'granted') loadIntercom(src, options).catch(noop)
    },
    getVisitorId: () =>
      snapshot().status === 'booted' ? (intercom('getVisitorId') as string | undefined) : undefined,
    ready: () =>
      new Promise<void>((resolve, reject) => {
        const settle = () => {
          const { status, error } = snapshot()
          if (status === 'booted' || status === 'error') {
            unsubscribe()
            if (status === 'booted') resolve()
            else reject(error)
          }
        }
        const unsubscribe = store.subscribe(settle)
        settle()
      }),
    subscribe: store.subscribe,
    getSnapshot: snapshot,
    destroy() {
      destroyed = true
      stopRefresh()
    },
  } as Messenger
}
