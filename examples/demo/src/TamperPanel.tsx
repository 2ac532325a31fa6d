import { type Consent, useIntercom } from '@verified-messenger/react'
import { useState } from 'react'
import type { DemoUser } from '../server/demoUsers'
import { bootSettingsFor } from './bootSettingsFor'

interface TamperPanelProps {
  user: DemoUser | null
  consent: Consent
  appId: string
  /** The fake Messenger's API base; `undefined` with real Intercom. */
  apiBase: string | undefined
}

type IntercomGlobal = (method: string, settings?: Record<string, unknown>) => void

/**
 * Tries to boot as someone the server never vouched for, the two ways an attacker could: through the
 * SDK, and by calling `window.Intercom` from the console with a token that does not match.
 */
export function TamperPanel({ user, consent, appId, apiBase }: TamperPanelProps) {
  const { boot, shutdown } = useIntercom()
  const [outcome, setOutcome] = useState<string | null>(null)

  const forgeThroughSdk = async () => {
    shutdown()
    try {
      await boot({ userId: 'forged' })
      setOutcome('The SDK booted the forged user. That is a bug!')
    } catch (error) {
      setOutcome(`The SDK refused: ${(error as Error).message}`)
    }
  }

  const forgeOnWindow = async (token: 'forged-signature' | 'real-token') => {
    const jwt = token === 'real-token' ? await fetchOwnToken() : forgedJwt()
    shutdown()
    const intercom = (window as unknown as { Intercom?: IntercomGlobal }).Intercom
    intercom?.('boot', {
      app_id: appId,
      ...(apiBase && { api_base: apiBase }),
      user_id: 'forged',
      intercom_user_jwt: jwt,
    })
    setOutcome(
      'Sent to window.Intercom directly. Intercom checks the token on its servers and refuses the boot: see the Messenger (or the console with real Intercom).',
    )
  }

  const restore = () => {
    setOutcome(null)
    shutdown()
    boot(user ? bootSettingsFor(user) : undefined).catch(() => {
      // Shown by the Messenger panel.
    })
  }

  const disabled = consent !== 'granted'
  // Scrolled to the middle of the screen, clear of the Messenger's notices at the bottom.
  const showOutcome = (node: HTMLParagraphElement | null) =>
    node?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  return (
    <section className="card small" aria-label="Tamper">
      <h2>Tamper</h2>
      <p className="muted">Try to boot as user_id "forged" without the server's signature.</p>
      <div className="stack">
        <button
          type="button"
          className="button danger"
          disabled={disabled}
          onClick={forgeThroughSdk}
        >
          Through the SDK
        </button>
        <button
          type="button"
          className="button danger"
          disabled={disabled}
          onClick={() => forgeOnWindow('forged-signature')}
        >
          window.Intercom, forged signature
        </button>
        {user && (
          <button
            type="button"
            className="button danger"
            disabled={disabled}
            onClick={() => forgeOnWindow('real-token')}
          >
            window.Intercom, {user.name}'s token
          </button>
        )}
        <button type="button" className="button secondary" disabled={disabled} onClick={restore}>
          Restore my session
        </button>
      </div>
      {disabled && (
        <p className="muted" data-testid="tamper-disabled">
          {consent === 'pending'
            ? 'Accept the consent banner first.'
            : 'Support chat is off: choose "Allow it" at the bottom left first.'}
        </p>
      )}
      {outcome && (
        <p className="outcome" data-testid="tamper-outcome" ref={showOutcome}>
          {outcome}
        </p>
      )}
    </section>
  )
}

/** The signed-in user's genuine token: valid, but for someone other than "forged". */
async function fetchOwnToken(): Promise<string> {
  const response = await fetch('/api/intercom/identity')
  const body = (await response.json()) as { intercom_user_jwt?: string }
  return body.intercom_user_jwt ?? ''
}

/** A well-formed HS256 JWT for "forged" whose signature was made up, as anyone without the secret must. */
function forgedJwt(): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
  const exp = Math.floor(Date.now() / 1000) + 3600
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ user_id: 'forged', exp })}.${encode({ sig: 'made-up' })}`
}
