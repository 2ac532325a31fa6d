import { useState } from 'react'
import type { DemoUser } from '../server/demoUsers'

interface SignInPageProps {
  users: readonly DemoUser[]
  onSignIn: (userId: string) => Promise<void>
}

/** Pick a demo user: the server starts a real session for them (an HttpOnly cookie). */
export function SignInPage({ users, onSignIn }: SignInPageProps) {
  const [error, setError] = useState<string | null>(null)

  return (
    <section className="card">
      <h1>Sign in</h1>
      <p className="muted">
        No passwords here: pick a user and the server starts a session for them. The Messenger then
        boots as that user, vouched for by the server's signature.
      </p>
      <ul className="users">
        {users.map((user) => (
          <li key={user.id}>
            <button
              type="button"
              className="user"
              onClick={() => onSignIn(user.id).catch((cause: Error) => setError(cause.message))}
            >
              <strong>{user.name}</strong>
              <span className="muted">
                {user.email} · {user.plan}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {error && <p className="error">{error}</p>}
    </section>
  )
}
