import type { MessengerFeature } from '../messengerFeature'
import type { BootSettings, Messenger } from '../types'
import { openTabChannel } from './openTabChannel'

/**
 * Milliseconds a tab that shut down for another tab's sign-out waits for that tab's Messenger to boot
 * again (the sign-out is then done on the server) before it asks the identity endpoint anyway: 3 s.
 */
export const SIGN_OUT_WAIT = 3000

/** Options of `syncSignOut`. */
export interface SyncSignOutOptions {
  /** The Messenger's app id; tabs of other app ids on the origin are not affected. */
  appId: string
  /**
   * Settings of the boot that asks the identity endpoint who is signed in now, read when a sign-out
   * arrives; default `{}`. Appearance settings only: user data here would be the previous user's.
   */
  bootSettings?: BootSettings
}

const SIGNED_OUT = 'verified-messenger/signed-out'
const SETTLED = 'verified-messenger/settled'

/**
 * Ends the Messenger in every other tab of the same app id when this tab's verified session ends
 * (sign-out, revocation, another user): they shut down at once, then boot again once this tab has, asking
 * the identity endpoint who is signed in now, so they come back anonymous or as the new user, never as
 * the one who left. Returns the function that detaches it.
 * @example
 * const messenger = createMessenger({ appId: 'abc123', identity: '/api/intercom-identity' })
 * const detach = syncSignOut(messenger, { appId: 'abc123' })
 */
export const syncSignOut = (messenger: Messenger, options: SyncSignOutOptions): (() => void) =>
  messenger.extend(followTabSignOuts(options))

/** The feature `syncSignOut` attaches through the Messenger's extension point. */
const followTabSignOuts =
  (options: SyncSignOutOptions): MessengerFeature =>
  ({ messenger }) => {
    if (typeof window === 'undefined') return
    const { appId } = options
    const snapshot = messenger.getSnapshot
    let verifiedAs = snapshot().identity?.userId
    // This tab ended a verified session: 'ended' until its Messenger restarts, then 'restarting' until it
    // is up again, when the other tabs hear that the sign-out is done.
    let ending: 'ended' | 'restarting' | undefined
    // Set while this tab shuts down for another tab's message, which it must not announce again.
    let following = false
    let rejoinTimer: ReturnType<typeof setTimeout> | undefined

    const rejoin = () => {
      clearTimeout(rejoinTimer)
      rejoinTimer = undefined
      // A failure reaches the snapshot's `error` and onIdentityError.
      messenger.boot(options.bootSettings).catch(() => {})
    }

    const channel = openTabChannel(`verified-messenger:${appId}`, (message) => {
      if (message.appId !== appId) return
      if (message.type === SETTLED && rejoinTimer !== undefined) rejoin()
      if (message.type !== SIGNED_OUT) return
      const { identity, status } = snapshot()
      // Anonymous or not booted: nothing of the user who left is on screen here.
      if (!identity && status !== 'identifying') return
      following = true
      messenger.shutdown()
      following = false
      clearTimeout(rejoinTimer)
      rejoinTimer = setTimeout(rejoin, SIGN_OUT_WAIT)
    })

    const unsubscribe = messenger.subscribe(() => {
      const { identity, status, consent } = snapshot()
      const userId = identity?.userId
      // Revoked consent also ends the session, but says nothing about who is signed in.
      if (verifiedAs && userId !== verifiedAs && !following && consent === 'granted') {
        ending = 'ended'
        channel.post({ type: SIGNED_OUT, appId })
      } else if (ending && status !== 'booted' && status !== 'error') ending = 'restarting'
      else if (ending === 'restarting') {
        ending = undefined
        channel.post({ type: SETTLED, appId })
      }
      verifiedAs = userId
    })

    return () => {
      unsubscribe()
      channel.close()
      clearTimeout(rejoinTimer)
    }
  }
