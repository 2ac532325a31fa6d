import { issueIdentity } from '@verified-messenger/signer'
import { cookies } from 'next/headers'
import { connection } from 'next/server'
import { Suspense } from 'react'
import { signIn, signOut } from './actions'
import { SupportChat } from './SupportChat'
import { findSessionUser, IDENTITY_TTL_SECONDS, SESSION_COOKIE, users } from './session'

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
        <p>
          Signed in as {user.name} ({user.user_id}).
        </p>
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
        <SupportChat
          appId={appId}
          userId={user?.user_id ?? null}
          initialIdentity={await renderedIdentity(user)}
        />
      ) : (
        <>
          <p>Set NEXT_PUBLIC_INTERCOM_APP_ID (see README.md) to load the Messenger.</p>
          {user && (
            <form action={signOut}>
              <button type="submit">Sign out</button>
            </form>
          )}
        </>
      )}
    </>
  )
}

/**
 * The identity endpoint's answer, signed while rendering, so the Messenger's first boot makes no request.
 * Without the secret (a fresh checkout) the browser asks the endpoint, which then answers 500 until it is set.
 */
async function renderedIdentity(user: ReturnType<typeof findSessionUser>) {
  // A token is signed for one visitor at one moment, so only for a real request: cookies() alone is not
  // enough, Next also prerenders with the request's cookies, and logs the signer's Date.now() there as an
  // error. connection() (not io()) because it throws in a "use cache" scope, which would cache the token.
  await connection()
  const secret = process.env.INTERCOM_IDENTITY_SECRET
  return secret ? issueIdentity(user, { secret, expiresIn: IDENTITY_TTL_SECONDS }) : undefined
}
