import { type Consent, IntercomProvider } from '@verified-messenger/react'
import { shareRenewal } from '@verified-messenger/react/share-renewal'
import { useSyncSignOut } from '@verified-messenger/react/sync-sign-out'
import { useState } from 'react'
import type { DemoUser } from '../server/demoUsers'
import { AccountPage } from './AccountPage'
import { ConsentBanner } from './ConsentBanner'
import type { DemoConfig } from './demoConfig'
import { Header } from './Header'
import { MessengerPanel } from './MessengerPanel'
import { PrivacyFooter } from './PrivacyFooter'
import { SignInPage } from './SignInPage'
import { TamperPanel } from './TamperPanel'
import { useConsent } from './useConsent'
import { useMessengerSession } from './useMessengerSession'

/** The demo app: a SaaS account area with the Messenger booted for whoever the server says is signed in. */
export function App({ config, strict }: { config: DemoConfig; strict: boolean }) {
  const [consent, setConsent] = useConsent()
  // The tabs of this browser renew the identity token once between them; `?solo` renews in each tab on
  // its own, which the cross-tab benchmark compares against.
  const [identity] = useState(() =>
    new URLSearchParams(window.location.search).has('solo')
      ? '/api/intercom/identity'
      : shareRenewal('/api/intercom/identity', { appId: config.appId }),
  )
  // The fake is mounted on this server; it is loaded exactly the way Intercom's widget would be.
  const fakeBase =
    config.messenger === 'fake' ? `${window.location.origin}${config.fakeBasePath}` : undefined

  return (
    <IntercomProvider
      appId={config.appId}
      consent={consent}
      identity={identity}
      initialIdentity={config.initialIdentity}
      {...(fakeBase && { apiBase: fakeBase, scriptUrl: `${fakeBase}/widget/${config.appId}` })}
    >
      <Pages config={config} strict={strict} consent={consent} apiBase={fakeBase} />
      {consent === 'pending' ? (
        <ConsentBanner
          onAccept={() => {
            // The boot-latency benchmark measures from here to the Messenger's boot.
            performance.mark('consent-accepted')
            setConsent('granted')
          }}
          onReject={() => setConsent('denied')}
        />
      ) : (
        <PrivacyFooter consent={consent} onChange={setConsent} />
      )}
    </IntercomProvider>
  )
}

interface PagesProps {
  config: DemoConfig
  strict: boolean
  consent: Consent
  apiBase: string | undefined
}

function Pages({ config, strict, consent, apiBase }: PagesProps) {
  const [user, setUser] = useState<DemoUser | null>(config.user)
  const { signInAs, signOutUser } = useMessengerSession(user, setUser)
  // Signing out (or switching user) here ends the Messenger in the other tabs too.
  useSyncSignOut({ appId: config.appId })

  return (
    <>
      <Header user={user} strict={strict} messenger={config.messenger} onSignOut={signOutUser} />
      <main className="layout">
        {user ? (
          <AccountPage
            user={user}
            others={config.demoUsers.filter((other) => other.id !== user.id)}
            onSwitch={signInAs}
          />
        ) : (
          <SignInPage users={config.demoUsers} onSignIn={signInAs} />
        )}
        <aside className="sidebar">
          <MessengerPanel />
          <TamperPanel user={user} consent={consent} appId={config.appId} apiBase={apiBase} />
        </aside>
      </main>
    </>
  )
}
