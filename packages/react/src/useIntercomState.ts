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
  // While hydrating, React reads what the server rendered, then re-renders with the current state.
  const selectRendered = () => selector(messenger.getServerSnapshot())
  return useSyncExternalStore(messenger.subscribe, select, selectRendered)
}
