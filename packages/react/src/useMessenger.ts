import type { Messenger } from '@verified-messenger/core'
import { useContext } from 'react'
import { IntercomContext } from './IntercomContext'

/** The Messenger of the nearest `IntercomProvider`; throws when there is none. */
export function useMessenger(hook: string): Messenger {
  const messenger = useContext(IntercomContext)
  if (!messenger) {
    throw new Error(
      `[verified-messenger/react] ${hook}() was called outside <IntercomProvider>: wrap your component tree in <IntercomProvider>.`,
    )
  }
  return messenger
}
