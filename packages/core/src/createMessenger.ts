import { createCallQueue } from './createCallQueue'
import { createStore } from './createStore'
import { deleteIntercomCookies } from './deleteIntercomCookies'
import { devWarning } from './devWarning'
import { isTransient, requestIdentity, verifyIdentity } from './identity'
import { type IntercomWindow, loadIntercom, unloadIntercom } from './loader'
import { fail, type MessengerError } from './MessengerError'
import { scheduleRefresh } from './scheduleRefresh'
import { omitSignedFields } from './signedFields'
import { toIntercomSettings } from './toIntercomSettings'
import type {
  AuthTokens,
  BootSettings,
  Consent,
  ConsentSource,
  IdentityResponse,
  IdentitySource,
  Messenger,
  MessengerCallbacks,
  MessengerOptions,
  MessengerSnapshot,
  MessengerStatus,
  UpdateRoute,
  VerifiedIdentity,
} from './types'

// Every Intercom method that only forwards its arguments; these wait in the queue until boot. The first
// three take none, so the click event of `onClick={show}` is not passed on.
const METHODS =
  'hide show showMessages showSpace showNewMessage startConversation trackEvent startTour showArticle showNews startSurvey startChecklist showTicket showConversation hideNotifications'.split(
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

// What may be sent for an anonymous visitor: nothing that names a user, not even an email or a token.
const anonymous = ({ email, authTokens, ...rest }: BootSettings) => unverified(rest)

// `onClick={boot}`, as react-use-intercom's README writes it, passes the click event: that is no settings.
const settingsOf = (settings: BootSettings) => ('preventDefault' in settings ? {} : settings)

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
  const { consent: given = 'granted' } = options
  const consentSource = typeof given === 'object' ? given : undefined
  const initialConsent = consentSource ? consentSource.getSnapshot() : (given as Consent)
  const store = createStore<MessengerSnapshot>({
    status: statusWithout(initialConsent),
    consent: initialConsent,
    isOpen: false,
    unreadCount: 0,
    identity: null,
    error: null,
  })
  const { get: snapshot, set } = store
  // What a server rendered: React reads it while hydrating, whatever has changed on the client since.
  const created = snapshot()
  const queue = createCallQueue<[string, unknown[]]>()
  const src = options.scriptUrl ?? `https://widget.intercom.io/widget/${appId}`
  const apiBase =
    options.apiBase ??
    (region && `https://api-iam.${region === 'us' ? '' : `${region}.`}intercom.io`)
  // What the app last asked to boot; kept while consent is withheld so granting it boots.
  let want: BootSettings | undefined
  // Auth tokens given while no boot was asked for, for the next one.
  let tokens: AuthTokens | undefined
  // The boot of `want`, in progress or done; a second boot() for the same user returns it.
  let run: Promise<void> | undefined
  // Aborted whenever a session ends: stops its identity request, and identity answers and loads that
  // arrive later see their session's signal aborted and are discarded.
  let session = new AbortController()
  // The identity the server rendered the page with, checked and used by the first boot only.
  let initial = options.initialIdentity
  // This object booted Intercom and has not shut it down since.
  let live = false
  let loadedOnce = false
  let destroyed = false
  // Cancels the scheduled renewal; calling it again (or a stale one) is harmless.
  let stopRefresh = noop
  // Stops following a live consent source.
  let unfollow = noop
  let route: UpdateRoute | undefined
  // Settles when consent is granted; boots asked for while it is withheld wait on it.
  let openGate = noop
  let gate =
    initialConsent === 'granted' ? done : new Promise<void>((resolve) => (openGate = resolve))

  const intercom = (...args: unknown[]) =>
    typeof w.Intercom === 'function' ? w.Intercom(...args) : undefined

  // An update without the fields the session's JWT signs, which a value from the browser must not change.
  const unsigned = (raw: Record<string, unknown>) => {
    const refused = omitSignedFields(raw, w.intercomSettings?.intercom_user_jwt)
    try {
      if (process.env.NODE_ENV !== 'production' && refused.length) {
        devWarning(
          `update() ignores ${refused}: the identity JWT signs it. Sign the new value into the token on your server.`,
        )
      }
    } catch {}
    return raw
  }

  // Hands one call to Intercom. As in react-use-intercom, `update` keeps `window.intercomSettings` what
  // Intercom was told, and a bare one (Intercom's "look for new messages") carries `last_request_at`.
  const send = ([name, args]: [string, unknown[]]) => {
    if (name === 'update') {
      if (args[0]) {
        const settings = unsigned(args[0] as Record<string, unknown>)
        const merged = { ...w.intercomSettings, ...settings }
        // A renewed token may sign more fields: none of them stays in plaintext.
        omitSignedFields(merged, merged.intercom_user_jwt)
        w.intercomSettings = merged
        args = [settings]
      } else args = [{ last_request_at: Math.floor(Date.now() / 1000) }]
    }
    intercom(name, ...args)
  }

  // Once boot was sent, Intercom (or the snippet's stub, until the script runs) takes calls in order.
  const call = (name: string, args: unknown[]) => {
    if (!browser || snapshot().consent === 'denied') return
    if (live) send([name, args])
    else queue.push([name, args])
  }

  // Auth tokens are a user's credentials: kept with the boot they were given for, never another user's.
  const holdTokens = (authTokens: AuthTokens) => {
    if (want) want = { ...want, authTokens: { ...want.authTokens, ...authTokens } }
    else tokens = { ...tokens, ...authTokens }
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
    // What the JWT signs goes only inside it, never also in plaintext.
    omitSignedFields(raw, raw.intercom_user_jwt)
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
    // What the stub holds from here on is the app's calls; should the script fail, they wait for the next boot.
    const stubbed = w.Intercom?.q
    const from = stubbed?.length
    queue.flush(send)
    set({ status: 'loading', identity, error: null })
    const ready = () => {
      set({ status: 'booted' })
      if (!loadedOnce) options.onLoad?.()
      loadedOnce = true
    }
    // Intercom already on the page (the snippet, a test's mock) settles the boot at once, inside the caller's act().
    if (!loaded) return ready()
    loaded.then(
      () => signal.aborted || ready(),
      (error: MessengerError) => {
        if (signal.aborted) return
        for (const [name, ...args] of stubbed?.slice(from) ?? []) queue.push([name as string, args])
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
        send(['update', [proof]])
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

  // The identity for a boot: the server-rendered one when it holds (so no round trip), else the source's.
  const identify = (source: IdentitySource, userId: string | undefined, signal: AbortSignal) => {
    const given = initial
    initial = undefined
    if (given === null && userId === undefined) return Promise.resolve(null)
    try {
      if (given) return Promise.resolve(verifyIdentity(given, userId))
    } catch {
      // Stale (expired, or another user signed in since the render): the endpoint decides.
    }
    return requestIdentity(source, userId, 'boot', signal)
  }

  // Runs the boot of `want` once consent allows: identity first when a source is configured, unless the
  // visitor just signed out (`anonymousOnly`), when no identity is asked for at all.
  const begin = (signal: AbortSignal, anonymousOnly: boolean): Promise<void> => {
    const settings = want
    if (signal.aborted || !settings) return done
    if (!source || anonymousOnly) {
      start(source ? anonymous(settings) : settings, null)
      return done
    }
    // Who the user is does not change the script: download it while the identity request runs, so the
    // boot waits for the slower of the two rather than their sum. Loading boots nothing; start() reuses
    // this load and reports its failure.
    loadIntercom(src, options)?.catch(noop)
    set({ status: 'identifying' })
    return identify(source, settings.userId, signal)
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
        // `want`, not `settings`: auth tokens given while the request ran go with this boot.
        start(
          { ...unverified(want as BootSettings), ...verified },
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
  const arm = (anonymousOnly = false) => {
    const { signal } = session
    const consent = snapshot().consent
    if (consent !== 'granted') set({ status: statusWithout(consent) })
    const boot =
      consent === 'granted'
        ? begin(signal, anonymousOnly)
        : gate.then(() => begin(signal, anonymousOnly))
    // Failures reach `error` and onIdentityError too, so a caller that does not await is not an unhandled rejection.
    boot.catch(noop)
    run = boot
    return source ? boot : done
  }

  // Keeps the gate in step with a live consent source; its value may change while it attaches.
  const follow = () => {
    if (!browser || !consentSource) return
    const sync = () => messenger.setConsent((consentSource as ConsentSource).getSnapshot())
    unfollow = consentSource.subscribe(sync)
    sync()
  }

  const shutdown = () => {
    if (!browser) return
    end()
    want = tokens = undefined
    delete w.intercomSettings
    set({ status: 'shut-down' })
  }

  const messenger = {
    ...(Object.fromEntries(
      METHODS.map((name, index) => [
        name,
        (...args: unknown[]) => call(name, index < 3 ? [] : args),
      ]),
    ) as Pick<Messenger, 'show'>),
    boot(settings = {}) {
      if (!browser) return done
      settings = settingsOf(settings)
      try {
        if (process.env.NODE_ENV !== 'production') warnUnverified(settings, !!source)
      } catch {}
      if (destroyed) {
        // Mounted again (React StrictMode): resume the refresh and the consent source destroy() stopped.
        destroyed = false
        refreshLater()
        follow()
      }
      if (run && want?.userId === settings.userId) return source ? run : done
      end()
      want = tokens ? { ...settings, authTokens: { ...tokens, ...settings.authTokens } } : settings
      tokens = undefined
      return arm()
    },
    update(given) {
      let settings = settingsOf(given ?? {})
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
      if (settings.authTokens && !live) {
        holdTokens(settings.authTokens)
        settings = { ...settings, authTokens: undefined }
      }
      const payload = toIntercomSettings(settings)
      // A bare update() is Intercom's ping (sent with last_request_at), and so is a page view the route
      // sends with no settings; update(clickEvent) sends `{}`, as react-use-intercom does.
      if (route) route(payload, (sent) => call('update', Object.keys(sent).length ? [sent] : []))
      else call('update', given ? [payload] : [])
    },
    routeUpdates(next?: UpdateRoute) {
      route = next
    },
    setAuthTokens(authTokens: AuthTokens) {
      if (live) intercom('setAuthTokens', authTokens)
      else if (browser) holdTokens(authTokens)
    },
    shutdown,
    hardShutdown() {
      shutdown()
      if (browser) unloadIntercom(src)
    },
    signOut(appSignOut) {
      if (!browser) return Promise.resolve(appSignOut?.()).then(noop)
      // Nothing of the leaving user stays on the page while the app's own sign-out runs.
      shutdown()
      deleteIntercomCookies(appId)
      want = {}
      const { signal } = session
      // A boot() for nobody in particular meanwhile (an effect reacting to the sign-out) joins this one.
      const signedOut = new Promise((resolve) => resolve(appSignOut?.())).then(
        // A boot() for a user or a shutdown() meanwhile aborted `signal`: theirs is the session now.
        () => (signal.aborted ? done : arm(true)),
        (error) => {
          if (!signal.aborted) want = run = undefined
          throw error
        },
      )
      run = signedOut
      return signedOut
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
      if (browser && snapshot().consent === 'granted') loadIntercom(src, options)?.catch(noop)
    },
    getVisitorId: () =>
      (snapshot().status === 'booted' && (intercom('getVisitorId') as string | undefined)) || '',
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
    getServerSnapshot: () => created,
    destroy() {
      destroyed = true
      stopRefresh()
      unfollow()
    },
  } as Messenger
  follow()
  return messenger
}
