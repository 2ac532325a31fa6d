'use client'

import {
  type Consent,
  type IdentityResponse,
  IntercomProvider,
  useIntercom,
} from '@verified-messenger/react'
import { useSyncSignOut } from '@verified-messenger/react/sync-sign-out'
import { useRouter, useSearchParams } from 'next/navigation'
import { useEffect, useState } from 'react'
import { signOut } from './actions'

interface SupportChatProps {
  appId: string
  userId: string | null
  /** The identity the server signed while rendering this page: the first boot makes no request. */
  initialIdentity: IdentityResponse | null | undefined
}

/**
 * The Messenger for this page: waits for consent, then boots verified as `userId` (signed by the server)
 * or as an anonymous visitor when nobody is signed in.
 */
export function SupportChat({ appId, userId, initialIdentity }: SupportChatProps) {
  const [consent, setConsent] = useState<Consent>('pending')
  // On by default; `/?sync-sign-out=off` leaves it out, to see that tabs stay safe without it.
  const syncSignOut = useSearchParams()?.get('sync-sign-out') !== 'off'
  return (
    <IntercomProvider
      appId={appId}
      identity="/api/intercom/identity"
      initialIdentity={initialIdentity}
      consent={consent}
    >
      {syncSignOut && <SyncSignOut appId={appId} />}
      {consent === 'pending' && (
        <p role="dialog" aria-label="Chat consent">
          The support chat sets cookies. Load it?{' '}
          <button type="button" onClick={() => setConsent('granted')}>
            Yes
          </button>{' '}
          <button type="button" onClick={() => setConsent('denied')}>
            No
          </button>
        </p>
      )}
      <ChatStatus userId={userId} />
    </IntercomProvider>
  )
}

/** Signing out (or in as someone else) here ends the Messenger in this app's other tabs, and follows theirs. */
function SyncSignOut({ appId }: { appId: string }) {
  useSyncSignOut({ appId })
  return null
}

function ChatStatus({ userId }: { userId: string | null }) {
  const { boot, signOut: signOutOfMessenger, show, status, identity, error } = useIntercom()
  const router = useRouter()
  const signedInElsewhere =
    error?.code === 'IDENTITY_MISMATCH' || error?.code === 'IDENTITY_UNAUTHENTICATED'

  useEffect(() => {
    // The endpoint names someone else, or nobody: another tab signed out or in since this page was
    // rendered. Rendering it again brings the server's user, who is then booted.
    if (signedInElsewhere) router.refresh()
  }, [signedInElsewhere, router])

  useEffect(() => {
    // Signing in happens on the server; the new userId arrives as a prop, and boot() for another user ends
    // the previous session first. Booting again for the same user (StrictMode) changes nothing. Failures
    // land in `error` below; boot calls made before consent wait for it.
    boot(userId ? { userId } : undefined).catch(() => {})
  }, [boot, userId])

  return (
    <section>
      <p>
        Messenger: <strong>{status}</strong>
        {identity ? ` (verified as ${identity.userId}, ${identity.method})` : ' (anonymous)'}
        {error ? `, error ${error.code}` : ''}
      </p>
      <button type="button" onClick={show}>
        Open support chat
      </button>{' '}
      {userId && (
        // Shuts the Messenger down and removes its cookies before the server action ends the session, then
        // boots an anonymous visitor without asking the endpoint, which could still answer for this user.
        <button type="button" onClick={() => signOutOfMessenger(signOut)}>
          Sign out
        </button>
      )}
    </section>
  )
}
