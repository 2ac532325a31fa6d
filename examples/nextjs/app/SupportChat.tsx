'use client'

import { type Consent, IntercomProvider, useIntercom } from '@verified-messenger/react'
import { useEffect, useRef, useState } from 'react'

/**
 * The Messenger for this page: waits for consent, then boots verified as `userId` (signed by the identity
 * endpoint) or as an anonymous visitor when nobody is signed in.
 */
export function SupportChat({ appId, userId }: { appId: string; userId: string | null }) {
  const [consent, setConsent] = useState<Consent>('pending')
  return (
    <IntercomProvider appId={appId} identity="/api/intercom/identity" consent={consent}>
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

function ChatStatus({ userId }: { userId: string | null }) {
  const { boot, shutdown, show, status, identity, error } = useIntercom()
  // The user the Messenger was last booted for; a ref, so StrictMode's second effect run does not boot again.
  const bootedFor = useRef<string | null | undefined>(undefined)

  useEffect(() => {
    if (bootedFor.current === userId) return
    // Signing in or out happens on the server; the new userId arrives as a prop. Switch the session.
    if (bootedFor.current !== undefined) shutdown()
    bootedFor.current = userId
    // Failures land in `error` below; boot calls made before consent wait for it.
    boot(userId ? { userId } : undefined).catch(() => {})
  }, [boot, shutdown, userId])

  return (
    <section>
      <p>
        Messenger: <strong>{status}</strong>
        {identity ? ` (verified as ${identity.userId}, ${identity.method})` : ' (anonymous)'}
        {error ? `, error ${error.code}` : ''}
      </p>
      <button type="button" onClick={show}>
        Open support chat
      </button>
    </section>
  )
}
