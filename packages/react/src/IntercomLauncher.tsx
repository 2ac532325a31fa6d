import { createLauncher, type LauncherOptions } from '@verified-messenger/core/launcher'
import { useMessenger } from '@verified-messenger/react'
import { useEffect, useRef } from 'react'

/** `IntercomLauncher`'s props: `createLauncher`'s options. */
export interface IntercomLauncherProps extends LauncherOptions {}

/**
 * A launcher that looks like Intercom's and loads the Messenger of the nearest `IntercomProvider` only
 * on intent (see `createLauncher`); it renders nothing into the React tree and draws itself on `<body>`.
 * Callbacks and a `settings` object are read when used, so new ones on every render are fine; other
 * prop changes (`unreadCount`, `intent`, appearance settings) redraw it in place.
 * @example
 * const identity = prefetchIdentity('/api/intercom/identity')
 *
 * <IntercomProvider appId="abc123" identity={identity} consent={consent}>
 *   <IntercomLauncher
 *     intent="hover"
 *     identity={identity}
 *     settings={{ userId: user.id, actionColor: '#0071b2' }}
 *     onConsentRequired={() => setBannerOpen(true)}
 *   />
 * </IntercomProvider>
 */
export function IntercomLauncher(props: IntercomLauncherProps) {
  const messenger = useMessenger('IntercomLauncher')
  const latest = useRef(props)
  latest.current = props
  // Functions are left out of the key: a new callback is read through `latest`, not redrawn.
  const key = JSON.stringify(props)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the props it serialises.
  useEffect(
    () =>
      createLauncher(messenger, {
        ...latest.current,
        settings: () => {
          const { settings } = latest.current
          return typeof settings === 'function' ? settings() : settings
        },
        onConsentRequired: (consent) => latest.current.onConsentRequired?.(consent),
        onLoadFailed: (error) => latest.current.onLoadFailed?.(error),
      }),
    [messenger, key, props.identity],
  )
  return null
}
