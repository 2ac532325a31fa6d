import { createLauncher, type LauncherOptions } from '@verified-messenger/core/launcher'
import { useMessenger } from '@verified-messenger/react'
import { useEffect, useRef } from 'react'

/** `IntercomLauncher`'s props: `createLauncher`'s options. */
export interface IntercomLauncherProps extends LauncherOptions {}

/**
 * A launcher that looks like Intercom's and loads the Messenger of the nearest `IntercomProvider` only
 * on intent (see `createLauncher`); it renders nothing into the React tree and draws itself on `<body>`.
 * Every prop is read when used, and a change (`unreadCount`, `intent`, appearance settings) redraws the
 * same button in place, so a keyboard user keeps focus on it.
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
  const launcher = useRef<ReturnType<typeof createLauncher>>(undefined)
  useEffect(() => {
    // Drawn with its props by the effect below, which runs in the same commit, before any paint.
    const detach = createLauncher(messenger)
    launcher.current = detach
    return detach
  }, [messenger])
  useEffect(() => launcher.current?.update(props))
  return null
}
