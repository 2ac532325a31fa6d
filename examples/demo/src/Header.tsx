import type { DemoUser } from '../server/demoUsers'
import type { DemoConfig } from './demoConfig'

interface HeaderProps {
  user: DemoUser | null
  strict: boolean
  launcher: boolean
  messenger: DemoConfig['messenger']
  onSignOut: () => void
}

/** The top bar: who is signed in, which Messenger is running, and the sign-out button. */
export function Header({ user, strict, launcher, messenger, onSignOut }: HeaderProps) {
  return (
    <header className="header">
      <span className="brand">Acme Analytics</span>
      <span className="tags">
        <span className="tag">{messenger === 'fake' ? 'Fake Messenger' : 'Intercom'}</span>
        {strict && <span className="tag">StrictMode</span>}
        <a className="tag" href={launcher ? '/' : '/?launcher'}>
          Click-to-load launcher: {launcher ? 'on' : 'off'}
        </a>
      </span>
      {user && (
        <span className="who">
          Signed in as <strong data-testid="signed-in-user">{user.name}</strong>
          <button type="button" className="button secondary" onClick={onSignOut}>
            Sign out
          </button>
        </span>
      )}
    </header>
  )
}
