import type {
  Messenger,
  MessengerError,
  MessengerStatus,
  VerifiedIdentity,
} from '@verified-messenger/core'
import { useSyncExternalStore } from 'react'
import { useMessenger } from './useMessenger'

const methodNames = [
  'boot',
  'shutdown',
  'hardShutdown',
  'update',
  'hide',
  'show',
  'showMessages',
  'showNewMessage',
  'startConversation',
  'getVisitorId',
  'startTour',
  'startChecklist',
  'trackEvent',
  'showArticle',
  'startSurvey',
  'showSpace',
  'showNews',
  'showTicket',
  'showConversation',
  'hideNotifications',
] as const

/** react-use-intercom's methods, from the provider's Messenger. */
export type IntercomMethods = Pick<Messenger, (typeof methodNames)[number]>

/** What `useIntercom()` returns: the methods plus the Messenger's state. */
export interface UseIntercom extends IntercomMethods {
  isOpen: boolean
  /** `status === 'booted'`. */
  isBooted: boolean
  status: MessengerStatus
  unreadCount: number
  identity: VerifiedIdentity | null
  error: MessengerError | null
}

// The Messenger's methods are closures that never change, so picking them keeps identities stable.
const pick = (messenger: Messenger) =>
  Object.fromEntries(methodNames.map((name) => [name, messenger[name]])) as IntercomMethods

/**
 * The Messenger's methods (stable identities, react-use-intercom's names) and its state; re-renders on
 * every state change, so prefer `useIntercomState` in components that read one value.
 * @example
 * const { boot, shutdown, show, unreadCount } = useIntercom()
 */
export function useIntercom(): UseIntercom {
  const messenger = useMessenger('useIntercom')
  const state = useSyncExternalStore(
    messenger.subscribe,
    messenger.getSnapshot,
    messenger.getSnapshot,
  )
  return {
    ...pick(messenger),
    isOpen: state.isOpen,
    isBooted: state.status === 'booted',
    status: state.status,
    unreadCount: state.unreadCount,
    identity: state.identity,
    error: state.error,
  }
}
