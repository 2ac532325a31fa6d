import type { Messenger, MessengerSnapshot } from '@verified-messenger/core'
import { useSyncExternalStore } from 'react'
import { useMessenger } from './useMessenger'

/** react-use-intercom's methods, from the provider's Messenger. */
export type IntercomMethods = Omit<
  Messenger,
  'subscribe' | 'getSnapshot' | 'getServerSnapshot' | 'setConsent' | 'ready' | 'destroy' | 'extend'
>

/**
 * What `useIntercom()` returns: the methods plus the Messenger's state (`isOpen`, `status`,
 * `unreadCount`, `identity`, `error`, `consent`).
 */
export interface UseIntercom extends IntercomMethods, MessengerSnapshot {
  /** `status === 'booted'`. */
  isBooted: boolean
}

/**
 * The Messenger's methods (stable identities, react-use-intercom's names) and its state; re-renders on
 * every state change, so prefer `useIntercomState` in components that read one value.
 * @example
 * const { boot, shutdown, show, unreadCount } = useIntercom()
 */
export function useIntercom(): UseIntercom {
  const messenger = useMessenger('useIntercom')
  // The Messenger's methods are closures made once, so their identities never change; the rest are
  // the provider's business (consent is a prop, the lifecycle is the provider's).
  const {
    subscribe,
    getSnapshot,
    getServerSnapshot,
    setConsent,
    ready,
    destroy,
    extend,
    ...methods
  } = messenger
  // While hydrating, React reads what the server rendered, then re-renders with the current state.
  const state = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)
  return { ...methods, ...state, isBooted: state.status === 'booted' }
}
