import {
  createMessenger,
  type Messenger,
  type MessengerCallbacks,
  type MessengerOptions,
} from '@verified-messenger/core'

/** The callbacks one provider wants, read at call time so the latest render's functions win. */
export type ProviderCallbacks = Pick<
  MessengerOptions,
  keyof MessengerCallbacks | 'onLoad' | 'onLoadFailed' | 'onIdentityError'
>

/** One Messenger and the providers on the page that use it. */
export interface SharedMessenger {
  appId: string
  messenger: Messenger
  providers: Set<{ current: ProviderCallbacks }>
}

const callbackNames = [
  'onShow',
  'onHide',
  'onUnreadCountChange',
  'onUserEmailSupplied',
  'onLoad',
  'onLoadFailed',
  'onIdentityError',
] as const satisfies (keyof ProviderCallbacks)[]

type Callback = (...args: never[]) => void

const byAppId = new Map<string, SharedMessenger>()

/**
 * The page's Messenger for `options.appId`, created on first use: a second provider for the same app
 * reuses it instead of loading Intercom again. On a server every call gets its own, because module
 * state there would be shared between requests.
 */
export function sharedMessenger(options: Omit<MessengerOptions, keyof ProviderCallbacks>) {
  const existing = byAppId.get(options.appId)
  if (existing) return existing
  const providers: SharedMessenger['providers'] = new Set()
  // Each callback Intercom gets calls every mounted provider's current one.
  const relay = (name: (typeof callbackNames)[number]) => [
    name,
    (...args: never[]) => {
      for (const { current } of providers) (current[name] as Callback | undefined)?.(...args)
    },
  ]
  const shared: SharedMessenger = {
    appId: options.appId,
    providers,
    messenger: createMessenger({
      ...options,
      ...Object.fromEntries(callbackNames.map(relay)),
    }),
  }
  if (typeof window !== 'undefined') byAppId.set(options.appId, shared)
  return shared
}

/**
 * Registers a mounted provider's callbacks; the returned function unregisters them, and once no provider
 * is left the Messenger's timers and listeners are released.
 */
export function retainSharedMessenger(
  shared: SharedMessenger,
  callbacks: { current: ProviderCallbacks },
): () => void {
  shared.providers.add(callbacks)
  return () => {
    shared.providers.delete(callbacks)
    // StrictMode unmounts and remounts synchronously: only an entry still unused after that is released.
    queueMicrotask(() => {
      if (shared.providers.size || byAppId.get(shared.appId) !== shared) return
      byAppId.delete(shared.appId)
      shared.messenger.destroy()
    })
  }
}
