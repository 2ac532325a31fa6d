'use server'

import { cookies } from 'next/headers'
import { SESSION_COOKIE, users } from './session'

/** Signs in as one of the example's users. */
export async function signIn(formData: FormData): Promise<void> {
  const user = formData.get('user')
  if (typeof user !== 'string' || !Object.hasOwn(users, user)) return
  ;(await cookies()).set(SESSION_COOKIE, user, { httpOnly: true, sameSite: 'lax', path: '/' })
}

/** Ends the session. */
export async function signOut(): Promise<void> {
  ;(await cookies()).delete(SESSION_COOKIE)
}
