import { type Consent, IntercomProvider } from '@verified-messenger/react'
import {
  IntercomLauncher,
  type LauncherIntent,
  prefetchIdentity,
} from '@verified-messenger/react/launcher'
import { shareRenewal } from '@verified-messenger/react/share-renewal'
import { useSyncSignOut } from '@verified-messenger/react/sync-sign-out'
import { useState } from 'react'
import type { DemoUser } from '../server/demoUsers'
import { AccountPage } from './AccountPage'
import { bootSettingsFor } from './bootSettingsFor'
import { ConsentBanner } from './ConsentBanner'
import type { DemoConfig } from './demoConfig'
import { Header } from './Header'
import { MessengerPanel } from './MessengerPanel'
import { PrivacyFooter } from './PrivacyFooter'
import { SignInPage } from './SignInPage'
import { TamperPanel } from './TamperPanel'
import { demoConsent, useConsent } from './useConsent'
import { useMessengerSession } from './useMessengerSession'

const identityUrl = '/api/intercom/identity'
// For the launcher's hover warm-up: the identity it requests early is the one the boot then uses.
const launcherIdentity = prefetchIdentity(identityUrl)

/** The launcher intent named in the query (`?launcher=hover`), `'click'` by default. */
export function readIntent(value: string | null): LauncherIntent {
  return value === 'hover' || value === 'idle' ? value : 'click'
}

/** The demo app: a SaaS account area with the Messenger booted for whoever the server says is signed in. */
export function App({ config, strict, launcher, unread }: AppProps) {
  const [consent, setConsent] = useConsent()
  // The tabs of this browser renew the identity token once between them; `?solo` renews in each tab on
  // its own, which the cross-tab benchmark compares against.
  const [identity] = useState(() =>
    new URLSearchParams(window.location.search).has('solo')
      ? identityUrl
      : shareRenewal(identityUrl, { appId: config.appId }),
  )
  // The fake is mounted on this server; it is loaded exactly the way Intercom's widget would be.
  const fakeBase =
    config.messenger === 'fake' ? `${window.location.origin}${config.fakeBasePath}` : undefined

  return (
    <IntercomProvider
      appId={config.appId}
      consent={demoConsent}
      identity={launcher ? launcherIdentity : identity}
      initialIdentity={config.initialIdentity}
      cspNonce={config.cspNonce}
      {...(fakeBase && { apiBase: fakeBase, scriptUrl: `${fakeBase}/widget/${config.appId}` })}
    >
      <Pages
        config={config}
        strict={strict}
        consent={consent}
        apiBase={fakeBase}
        launcher={launcher}
        unread={unread}
      />
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

interface AppProps {
  config: DemoConfig
  strict: boolean
  /** Set: the click-to-load launcher with this intent stands in until the visitor asks for the chat. */
  launcher?: LauncherIntent | undefined
  /** The unread count the launcher shows before the Messenger has loaded; default 0. */
  unread?: number
}

interface PagesProps extends AppProps {
  consent: Consent
  apiBase: string | undefined
}

function Pages({ config, strict, consent, apiBase, launcher, unread }: PagesProps) {
  const [user, setUser] = useState<DemoUser | null>(config.user)
  const { signInAs, signOutUser } = useMessengerSession(user, setUser, launcher !== undefined)
  // Signing out (or switching user) here ends the Messenger in the other tabs too.
  useSyncSignOut({ appId: config.appId })

  return (
    <>
      <Header
        user={user}
        strict={strict}
        launcher={launcher !== undefined}
        messenger={config.messenger}
        onSignOut={signOutUser}
      />
      {launcher && (
        <IntercomLauncher
          intent={launcher}
          identity={launcherIdentity}
          unreadCount={unread}
          settings={user ? bootSettingsFor(user) : undefined}
          // While consent is pending the banner is on screen: take the visitor to its Accept button.
          onConsentRequired={() =>
            document
              .querySelector<HTMLElement>('[aria-label="Cookie consent"] .button:not(.secondary)')
              ?.focus()
          }
        />
      )}
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
