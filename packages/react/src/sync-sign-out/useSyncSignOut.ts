import { type SyncSignOutOptions, syncSignOut } from '@verified-messenger/core/sync-sign-out'
import { useMessenger } from '@verified-messenger/react'
import { useEffect, useRef } from 'react'

/**
 * Signs the provider's Messenger out in every other tab of the same app id when its verified session
 * ends here, and follows the other tabs' sign-outs, while the calling component is mounted (see
 * `syncSignOut`). `bootSettings` is read when a sign-out arrives.
 * @example
 * function App() {
 *   useSyncSignOut({ appId: 'abc123' })
 *   return <Routes />
 * }
 */
export function useSyncSignOut({ appId, bootSettings }: SyncSignOutOptions): void {
  const messenger = useMessenger('useSyncSignOut')
  const settings = useRef(bootSettings)
  settings.current = bootSettings
  useEffect(
    () =>
      syncSignOut(messenger, {
        appId,
        get bootSettings() {
          return settings.current
        },
      }),
    [messenger, appId],
  )
}
