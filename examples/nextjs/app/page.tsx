import { cookies } from 'next/headers'
import { Suspense } from 'react'
import { signIn, signOut } from './actions'
import { SupportChat } from './SupportChat'
import { findSessionUser, SESSION_COOKIE, users } from './session'

/** The static shell is prerendered at build; who is signed in streams in per request. */
export default function Home() {
  return (
    <main>
      <h1>verified-messenger + Next.js</h1>
      <Suspense fallback={<p>Reading your session…</p>}>
        <SessionArea />
      </Suspense>
    </main>
  )
}

async function SessionArea() {
  const user = findSessionUser((await cookies()).get(SESSION_COOKIE)?.value)
  const appId = process.env.NEXT_PUBLIC_INTERCOM_APP_ID
  return (
    <>
      {user ? (
        <form action={signOut}>
          Signed in as {user.name} ({user.user_id}). <button type="submit">Sign out</button>
        </form>
      ) : (
        <form action={signIn}>
          Signed out. Sign in as{' '}
          {Object.entries(users).map(([key, { name }]) => (
            <button key={key} type="submit" name="user" value={key}>
              {name}
            </button>
          ))}
        </form>
      )}
      {appId ? (
        <SupportChat appId={appId} userId={user?.user_id ?? null} />
      ) : (
        <p>Set NEXT_PUBLIC_INTERCOM_APP_ID (see README.md) to load the Messenger.</p>
      )}
    </>
  )
}
