import type { Messenger } from '@verified-messenger/core'
import { useContext } from 'react'
import { IntercomContext } from './IntercomContext'

/**
 * The Messenger of the nearest `IntercomProvider`, for opt-in features that attach to it; throws when
 * there is none.
 * @example
 * const messenger = useMessenger()
 * useEffect(() => syncSignOut(messenger, { appId: 'abc123' }), [messenger])
 */
export function useMessenger(hook = 'useMessenger'): Messenger {
  const messenger = useContext(IntercomContext)
  if (!messenger) {
    // The advice ships to development only (the guard is explained in core's devWarning.ts).
    let advice = ''
    try {
      if (process.env.NODE_ENV !== 'production') {
        advice = ': wrap your component tree in <IntercomProvider>'
      }
    } catch {}
    throw new Error(
      `[verified-messenger/react] ${hook}() was called outside <IntercomProvider>${advice}.`,
    )
  }
  return messenger
}
