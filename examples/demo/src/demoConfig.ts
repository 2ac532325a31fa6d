import type { IdentityResponse } from '@verified-messenger/react'
import type { DemoUser } from '../server/demoUsers'

/** What the server tells the page at load time, embedded in index.html as JSON. */
export interface DemoConfig {
  /** The Intercom app id the Messenger boots with (a made-up one for the fake). */
  appId: string
  /** `'fake'`: the offline Messenger from @verified-messenger/testing; `'intercom'`: the real widget. */
  messenger: 'fake' | 'intercom'
  /** Where the server mounts the fake's script and verification endpoint (fake only). */
  fakeBasePath?: string
  /** The signed-in user, or `null`. */
  user: DemoUser | null
  /** Everyone the sign-in page offers. */
  demoUsers: readonly DemoUser[]
  /** The identity the server signed while rendering (`null`: nobody signed in), when it does that. */
  initialIdentity?: IdentityResponse | null
  /** This page's Content-Security-Policy nonce, when the server sends a strict policy. */
  cspNonce?: string
}

/** The id of the `<script type="application/json">` element that carries the config. */
export const demoConfigElementId = 'demo-config'
