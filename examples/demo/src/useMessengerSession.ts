import { useIntercom } from '@verified-messenger/react'
import { useEffect } from 'react'
import type { DemoUser } from '../server/demoUsers'
import { bootSettingsFor } from './bootSettingsFor'
import { signIn, signOut } from './sessionApi'

/**
 * Keeps the Messenger on the app's session: booted verified as the signed-in user, anonymous otherwise.
 * The effect is written the plain way on purpose; the SDK is what keeps StrictMode's second run from
 * loading or booting twice.
 */
export function useMessengerSession(
  user: DemoUser | null,
  setUser: (user: DemoUser | null) => void,
) {
  const { boot, shutdown } = useIntercom()

  useEffect(() => {
    boot(user ? bootSettingsFor(user) : undefined).catch(() => {
      // Identity failures are in useIntercom().error, which the Messenger panel shows.
    })
  }, [user, boot])

  return {
    async signInAs(userId: string) {
      const next = await signIn(userId)
      // Intercom's rule for a change of user: end the old session, then boot the new one.
      shutdown()
      setUser(next)
    },
    async signOutUser() {
      shutdown()
      await signOut()
      setUser(null)
    },
  }
}
