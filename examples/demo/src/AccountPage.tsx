import { useIntercom } from '@verified-messenger/react'
import { useState } from 'react'
import type { DemoUser } from '../server/demoUsers'

interface AccountPageProps {
  user: DemoUser
  /** The other demo users, to switch to without signing out first. */
  others: readonly DemoUser[]
  onSwitch: (userId: string) => Promise<void>
}

/** The signed-in area: plan and billing, a way to reach support, and switching to another account. */
export function AccountPage({ user, others, onSwitch }: AccountPageProps) {
  const { show, trackEvent, consent } = useIntercom()
  const [why, setWhy] = useState<string | null>(null)
  const since = new Date(user.createdAt * 1000).toLocaleDateString('en', { dateStyle: 'long' })

  return (
    <section className="card">
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Customer since</dt>
        <dd>{since}</dd>
      </dl>
      <h2>Plan and billing</h2>
      <dl className="facts">
        <dt>Plan</dt>
        <dd>{user.plan}</dd>
        <dt>Monthly bill</dt>
        <dd>{user.monthlySpend === 0 ? 'Free' : `$${user.monthlySpend}`}</dd>
      </dl>
      <p className="actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            // Kept until the Messenger boots, so the question is not lost while consent is pending.
            trackEvent('asked-about-billing', { plan: user.plan })
            show()
            setWhy(
              consent === 'pending'
                ? 'Support chat opens once you accept the consent banner.'
                : consent === 'denied'
                  ? 'Support chat is off: choose "Allow it" at the bottom left to ask us.'
                  : null,
            )
          }}
        >
          Ask about billing
        </button>
      </p>
      {why && consent !== 'granted' && (
        <p className="muted" role="status">
          {why}
        </p>
      )}
      <h2>Switch account</h2>
      <p className="actions">
        {others.map((other) => (
          <button
            key={other.id}
            type="button"
            className="button secondary"
            onClick={() => onSwitch(other.id)}
          >
            Switch to {other.name}
          </button>
        ))}
      </p>
    </section>
  )
}
