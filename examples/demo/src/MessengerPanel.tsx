import { type MessengerStatus, useIntercom, type VerifiedIdentity } from '@verified-messenger/react'

/** What the SDK knows: status, the verified identity (if any) and the last identity error. */
export function MessengerPanel() {
  const { status, identity, error, unreadCount } = useIntercom()

  return (
    <section className="card small" aria-label="Messenger">
      <h2>Messenger</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="messenger-status">{status}</dd>
        <dt>Identity</dt>
        <dd data-testid="messenger-identity">{describeIdentity(status, identity)}</dd>
        {status === 'booted' && identity?.expiresAt !== undefined && (
          <>
            <dt>Token expires</dt>
            <dd>{new Date(identity.expiresAt * 1000).toLocaleTimeString('en')}</dd>
          </>
        )}
        <dt>Unread</dt>
        <dd>{unreadCount}</dd>
      </dl>
      {error && (
        <p className="error" data-testid="messenger-error">
          <code>{error.code}</code> {error.message}
        </p>
      )}
    </section>
  )
}

// "Verified" only once the Messenger is up with that identity, never for an attempt still in flight.
function describeIdentity(status: MessengerStatus, identity: VerifiedIdentity | null): string {
  if (status !== 'booted') return 'None'
  if (!identity) return 'Anonymous visitor'
  return `Verified as ${identity.userId} (${identity.method === 'jwt' ? 'JWT' : 'user_hash'})`
}
