import { useIntercom } from '@verified-messenger/react'
import { useEffect, useState } from 'react'
import type { DemoUser } from '../server/demoUsers'
import { bootSettingsFor } from './bootSettingsFor'
import { signIn, signOut } from './sessionApi'

/**
 * Keeps the Messenger on the app's session: booted verified as the signed-in user, anonymous otherwise.
 * The effect is written the plain way on purpose; the SDK is what keeps StrictMode's second run from
 * loading or booting twice. With `deferred` (the click-to-load launcher) nothing boots until the
 * launcher has started the Messenger; from then on the session is kept as usual.
 */
export function useMessengerSession(
  user: DemoUser | null,
  setUser: (user: DemoUser | null) => void,
  deferred = false,
) {
  const { boot, shutdown, status, signOut: signOutOfMessenger } = useIntercom()
  const [started, setStarted] = useState(!deferred)
  if (!started && status !== 'idle' && status !== 'awaiting-consent' && status !== 'shut-down') {
    setStarted(true)
  }

  useEffect(() => {
    if (!started) return
    boot(user ? bootSettingsFor(user) : undefined).catch(() => {
      // Identity failures are in useIntercom().error, which the Messenger panel shows.
    })
  }, [user, boot, started])

  return {
    async signInAs(userId: string) {
      const next = await signIn(userId)
      // Intercom's rule for a change of user: end the old session, then boot the new one.
      shutdown()
      setUser(next)
    },
    // The Messenger shuts down before the server session ends, then boots anonymous without asking the
    // identity endpoint, which would still vouch for the leaving user until signOut() has returned.
    signOutUser: () =>
      signOutOfMessenger(async () => {
        await signOut()
        setUser(null)
      }).catch((error: Error) => {
        // The Messenger stays shut down; the page still shows the user, who can try again.
        console.error(`[demo] ${error.message}`)
      }),
  }
}
