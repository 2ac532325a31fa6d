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
  const each = (call: (callbacks: ProviderCallbacks) => void) => {
    for (const provider of providers) call(provider.current)
  }
  const shared: SharedMessenger = {
    appId: options.appId,
    providers,
    messenger: createMessenger({
      ...options,
      onShow: () => each((c) => c.onShow?.()),
      onHide: () => each((c) => c.onHide?.()),
      onUnreadCountChange: (count) => each((c) => c.onUnreadCountChange?.(count)),
      onUserEmailSupplied: () => each((c) => c.onUserEmailSupplied?.()),
      onLoad: () => each((c) => c.onLoad?.()),
      onLoadFailed: (error) => each((c) => c.onLoadFailed?.(error)),
      onIdentityError: (error) => each((c) => c.onIdentityError?.(error)),
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
