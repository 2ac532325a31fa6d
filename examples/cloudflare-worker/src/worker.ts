import { createIdentityHandler, type IdentityHandler } from '@verified-messenger/signer'

/** The Worker's bindings: the secret is a Worker secret (`wrangler secret put INTERCOM_IDENTITY_SECRET`). */
export interface Env {
  INTERCOM_IDENTITY_SECRET: string
}

/** Stand-in for your session store (KV, D1, your auth provider); a real session cookie is opaque. */
const users: Record<string, { user_id: string; email: string; name: string }> = {
  ada: { user_id: 'user-ada', email: 'ada@example.com', name: 'Ada Lovelace' },
}

// Bindings arrive with each request but never change within an isolate, so the handler (and the signer's
// imported key) is made once.
let identity: IdentityHandler<Env> | undefined

export default {
  fetch(request: Request, env: Env): Promise<Response> | Response {
    if (new URL(request.url).pathname !== '/api/intercom/identity') {
      return new Response('Not found', { status: 404 })
    }
    identity ??= createIdentityHandler<Env>({
      secret: env.INTERCOM_IDENTITY_SECRET,
      getUser: (incoming) => {
        const cookie = incoming.headers.get('cookie') ?? ''
        const session = /(?:^|;\s*)demo_session=([^;]+)/.exec(cookie)?.[1]
        return (session !== undefined && users[session]) || null
      },
    })
    return identity(request, env)
  },
}
