import type {
  BootSettings,
  Consent,
  ConsentSource,
  Messenger,
  MessengerOptions,
} from '@verified-messenger/core'
import { type ReactNode, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { IntercomContext } from './IntercomContext'
import {
  type ProviderCallbacks,
  retainSharedMessenger,
  type SharedMessenger,
  sharedMessenger,
} from './sharedMessenger'

/** Props every `IntercomProvider` takes, whether it creates the Messenger or is handed one. */
export interface IntercomProviderBaseProps extends ProviderCallbacks {
  children?: ReactNode
  /** Boot once when the provider mounts (StrictMode-safe); default `false`. */
  autoBoot?: boolean
  /** Settings for the automatic boot, read when it happens. */
  autoBootProps?: BootSettings
  /** `false` keeps Intercom from loading (calls wait, as with pending consent); default `true`. */
  shouldInitialize?: boolean
  /** Milliseconds to wait before loading Intercom, counted from `shouldInitialize` being true; default `0`. */
  initializeDelay?: number
  /**
   * The visitor's choice, or a live source of it such as a consent manager adapter (create that once,
   * outside components); a new value opens or closes the gate. Default `'granted'`.
   */
  consent?: Consent | ConsentSource
}

/** The Messenger's settings, read once when the provider mounts. */
export interface IntercomProviderConfigProps
  extends Pick<
    MessengerOptions,
    'apiBase' | 'region' | 'scriptUrl' | 'cspNonce' | 'crossOrigin' | 'identity' | 'initialIdentity'
  > {
  /** Your Intercom workspace (app) id. */
  appId: string
  messenger?: undefined
}

/** A Messenger made with `createMessenger`; its options (and callbacks) belong to that call. */
export interface IntercomProviderMessengerProps {
  messenger: Messenger
  appId?: undefined
}

/** `IntercomProvider`'s props: react-use-intercom's, plus identity, consent and region. */
export type IntercomProviderProps = IntercomProviderBaseProps &
  (IntercomProviderConfigProps | IntercomProviderMessengerProps)

/**
 * The gate a provider asks for. shouldInitialize and initializeDelay hold Intercom back the way pending
 * consent does (nothing loads, calls wait); without a `consent` prop it asks for nothing, so a shared or
 * ready-made Messenger keeps the consent it has.
 */
const gateOf = (consent: Consent | undefined, hold: boolean): Consent | undefined =>
  consent === 'denied' ? 'denied' : hold ? 'pending' : consent

const subscribeNothing = () => () => {}

// Per Messenger, not per provider: StrictMode's remount and a second provider must not boot again.
const autoBooted = new WeakSet<Messenger>()

/**
 * Owns the page's Messenger for its children: creates it once (or takes `messenger`), keeps consent in
 * step with the prop, boots it when `autoBoot` is set and releases its timers on unmount.
 * @example
 * <IntercomProvider appId="abc123" identity="/api/intercom-identity" consent={consent} autoBoot>
 *   <App />
 * </IntercomProvider>
 */
export function IntercomProvider(props: IntercomProviderProps) {
  const {
    children,
    autoBoot,
    autoBootProps,
    shouldInitialize = true,
    initializeDelay = 0,
    consent: consentProp,
    messenger: given,
    ...options
  } = props
  // A live source is read like any external store; a plain value is read as it is.
  const source = typeof consentProp === 'object' ? consentProp : undefined
  const read = () => (source ? source.getSnapshot() : (consentProp as Consent | undefined))
  const consent = useSyncExternalStore(source?.subscribe ?? subscribeNothing, read, read)
  // Callbacks and autoBootProps are read through this ref when used, so new functions never re-register.
  const latest = useRef(props)
  latest.current = props
  const warned = useRef(false)
  // Whether this provider's hold is what keeps the gate pending, so lifting the hold reopens it.
  const held = useRef(false)

  const [shared] = useState<SharedMessenger | { messenger: Messenger }>(() =>
    given
      ? { messenger: given }
      : // The Messenger's settings are the remaining props; callbacks among them are replaced by relays
        // to every provider's latest ones, and unknown props are ignored (and warned about below).
        sharedMessenger({
          ...(options as IntercomProviderConfigProps),
          consent: gateOf(consent, !shouldInitialize || initializeDelay > 0),
        }),
  )
  const { messenger } = shared
  // The delay is for the first load: a Messenger another provider already started is not held back.
  const [delayElapsed, setDelayElapsed] = useState(
    () =>
      !(initializeDelay > 0) ||
      !['idle', 'awaiting-consent'].includes(messenger.getSnapshot().status),
  )
  const hold = !shouldInitialize || !delayElapsed

  useEffect(
    () => ('providers' in shared ? retainSharedMessenger(shared, latest) : undefined),
    [shared],
  )

  // As in react-use-intercom, the delay counts from shouldInitialize turning true, not from mounting.
  useEffect(() => {
    if (delayElapsed || !shouldInitialize) return
    const timer = setTimeout(() => setDelayElapsed(true), initializeDelay)
    return () => clearTimeout(timer)
  }, [delayElapsed, initializeDelay, shouldInitialize])

  useEffect(() => {
    const gate = gateOf(consent, hold) ?? (held.current ? 'granted' : undefined)
    held.current = hold && consent !== 'denied'
    if (gate && messenger.getSnapshot().consent !== gate) messenger.setConsent(gate)
  }, [messenger, hold, consent])

  // A live source also reaches the Messenger directly, in the visitor's own click: the widget's script is
  // requested before React has re-rendered the page, rather than after (the effect above then finds it done).
  useEffect(() => {
    if (!source || hold) return
    return source.subscribe(() => messenger.setConsent(source.getSnapshot()))
  }, [messenger, source, hold])

  useEffect(() => {
    if (!autoBoot || autoBooted.has(messenger)) return
    autoBooted.add(messenger)
    // A failure reaches the state's `error` and onIdentityError; nobody awaits this promise.
    messenger.boot(latest.current.autoBootProps).catch(() => {})
  }, [messenger, autoBoot])

  useEffect(() => {
    // Dev-only, so the prop list never ships to production: a misspelt prop would otherwise fail silently.
    // The `try` keeps a browser without a bundler (no `process`) working; see core's devWarning.ts.
    try {
      if (process.env.NODE_ENV === 'production' || warned.current) return
      warned.current = true
      const known =
        'children autoBoot autoBootProps shouldInitialize initializeDelay consent onShow onHide onUnreadCountChange onUserEmailSupplied onLoad onLoadFailed onIdentityError appId apiBase region scriptUrl cspNonce crossOrigin identity initialIdentity messenger'.split(
          ' ',
        )
      const unknown = Object.keys(latest.current).filter(
        (name) => !known.includes(name) && !name.startsWith('data-'),
      )
      if (unknown.length) {
        console.warn(
          `[verified-messenger/react] IntercomProvider ignores unknown props ${unknown.join(', ')}: check their spelling against the props table in the README.`,
        )
      }
    } catch {}
  }, [])

  return <IntercomContext.Provider value={messenger}>{children}</IntercomContext.Provider>
}
