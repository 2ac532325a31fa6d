import { createIdentityHandler } from '@verified-messenger/signer'

// The edge runtime has no node:crypto: Next bundles this route with the `edge-light` condition, which
// gives it the signer's Web Crypto build. Same import, same options, same answers as on Node.
export const runtime = 'edge'

/** Stand-in for your session: a real one is opaque and signed, or anyone could be anyone. */
const users: Record<string, { user_id: string; email: string; name: string }> = {
  ada: { user_id: 'user-ada', email: 'ada@example.com', name: 'Ada Lovelace' },
}

/** The identity endpoint on the edge: 200 with a signed token, 204 when nobody is signed in. */
export const GET = createIdentityHandler({
  secret: process.env.INTERCOM_IDENTITY_SECRET,
  getUser: (request) => {
    const session = /(?:^|;\s*)demo_session=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1]
    return (session !== undefined && users[session]) || null
  },
  expiresIn: 30 * 60,
})
