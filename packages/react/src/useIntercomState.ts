import type { MessengerSnapshot } from '@verified-messenger/core'
import { useSyncExternalStore } from 'react'
import { useMessenger } from './useMessenger'

/**
 * Reads one piece of the Messenger's state; the component re-renders only when that piece changes
 * (compared with `Object.is`, so select a value, not a new object).
 * @example
 * const unread = useIntercomState((state) => state.unreadCount)
 */
export function useIntercomState<T>(selector: (state: MessengerSnapshot) => T): T {
  const messenger = useMessenger('useIntercomState')
  const select = () => selector(messenger.getSnapshot())
  return useSyncExternalStore(messenger.subscribe, select, select)
}
