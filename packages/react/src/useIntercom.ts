import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { createTrackedState, type IntercomState } from './createTrackedState'
import { type IntercomMethods, intercomMethods } from './intercomMethods'
import { useMessenger } from './useMessenger'

export type { IntercomMethods } from './intercomMethods'

/**
 * What `useIntercom()` returns: the methods plus the Messenger's state (`isOpen`, `isBooted`, `status`,
 * `unreadCount`, `identity`, `error`, `consent`).
 */
export interface UseIntercom extends IntercomMethods, IntercomState {}

/**
 * The Messenger's methods (stable identities, react-use-intercom's names) and its state. The component
 * re-renders only when a state field it read changed: one that destructures only methods never
 * re-renders because of the Messenger.
 * @example
 * const { boot, shutdown, show, unreadCount } = useIntercom() // re-renders when unreadCount changes
 */
export function useIntercom(): UseIntercom {
  const messenger = useMessenger('useIntercom')
  const [tracked] = useState(createTrackedState)
  // While hydrating, React reads what the server rendered, then re-renders with the current state.
  const snapshot = useSyncExternalStore(
    messenger.subscribe,
    () => tracked.select(messenger.getSnapshot()),
    messenger.getServerSnapshot,
  )
  tracked.render(snapshot)
  useEffect(() => tracked.committed())
  // The same object while the snapshot is, so it too can sit in a dependency array.
  return useMemo(
    () => tracked.view(snapshot, intercomMethods(messenger), messenger),
    [tracked, snapshot, messenger],
  )
}
