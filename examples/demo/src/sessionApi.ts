import type { DemoUser } from '../server/demoUsers'

/** Signs in as a demo user; the server answers with a fresh HttpOnly session cookie. */
export async function signIn(userId: string): Promise<DemoUser> {
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId }),
  })
  if (!response.ok) throw new Error(`Sign-in failed (HTTP ${response.status}).`)
  return ((await response.json()) as { user: DemoUser }).user
}

/** Ends the server session and expires its cookie. */
export async function signOut(): Promise<void> {
  const response = await fetch('/api/session', { method: 'DELETE' })
  if (!response.ok) throw new Error(`Sign-out failed (HTTP ${response.status}).`)
}
