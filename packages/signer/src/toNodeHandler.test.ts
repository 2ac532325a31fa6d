import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  createIdentityHandler,
  type IntercomUser,
  type NodeHandlerContext,
  toNodeHandler,
  verifyIntercomJwt,
} from '@verified-messenger/signer'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const secret = 'node-adapter-test-secret-0123456789abcdef'

/** The app's own session: a cookie naming a user the server knows. */
const users: Record<string, IntercomUser> = {
  'session-ada': { user_id: '123', email: 'ada@example.com', name: 'Ada' },
}

function sessionUser(req: IncomingMessage): IntercomUser | null {
  const session = /(?:^|;\s*)session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
  if (session === 'session-broken') throw new Error(`session store down (${secret})`)
  return (session && users[session]) || null
}

let server: Server
let base: string
const onError = vi.fn()

beforeAll(async () => {
  const identity = toNodeHandler(
    createIdentityHandler({
      secret,
      getUser: (_request, { req }: NodeHandlerContext) => sessionUser(req),
      onError,
    }),
  )
  server = createServer((req, res) => {
    if (req.url?.startsWith('/api/intercom/identity')) return identity(req, res)
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/intercom/identity`
})

afterAll(async () => {
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  )
})

const bodies: string[] = []
async function call(init: RequestInit & { session?: string } = {}, url = base) {
  const { session, ...rest } = init
  const response = await fetch(url, {
    ...rest,
    headers: session ? { cookie: `session=${session}` } : {},
  })
  const text = await response.text()
  bodies.push(text)
  return { response, text }
}

describe('toNodeHandler over node:http', () => {
  it('answers 200 with a token for the session user, uncached', async () => {
    const { response, text } = await call({ session: 'session-ada' })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = JSON.parse(text)
    expect(body.user_id).toBe('123')
    expect(verifyIntercomJwt(body.intercom_user_jwt, secret, { userId: '123' }).email).toBe(
      'ada@example.com',
    )
    expect(body.expires_at).toBeGreaterThan(Date.now() / 1000)
  })

  it('ignores a user id in the query string', async () => {
    const { text } = await call({ session: 'session-ada' }, `${base}?user_id=admin`)
    expect(JSON.parse(text).user_id).toBe('123')
  })

  it('answers 204 No Content without a session', async () => {
    const { response, text } = await call()
    expect(response.status).toBe(204)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(text).toBe('')
  })

  it('answers 405 with Allow for POST, without reading the session', async () => {
    const { response } = await call({
      method: 'POST',
      body: '{"user_id":"admin"}',
      session: 'session-ada',
    })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('answers HEAD with the status and headers of GET and an empty body', async () => {
    const { response, text } = await call({ method: 'HEAD', session: 'session-ada' })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(text).toBe('')
  })

  it('answers a generic 500 when getUser throws', async () => {
    const { response, text } = await call({ session: 'session-broken' })
    expect(response.status).toBe(500)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(JSON.parse(text)).toEqual({ error: 'internal_error' })
    expect(onError).toHaveBeenCalledWith(expect.any(Error))
  })

  it('never puts the secret in any body it served', () => {
    expect(bodies.length).toBeGreaterThanOrEqual(6)
    for (const body of bodies) expect(body).not.toContain(secret)
  })

  it('forwards request bodies, the original URL and every Set-Cookie of any Fetch handler', async () => {
    const echo = toNodeHandler(async (request) => {
      const headers = new Headers({ 'content-type': 'text/plain' })
      headers.append('set-cookie', 'a=1')
      headers.append('set-cookie', 'b=2')
      return new Response(
        `${request.method} ${new URL(request.url).pathname} ${await request.text()}`,
        {
          status: 201,
          headers,
        },
      )
    })
    const app = createServer((req, res) => echo(req, res))
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
    try {
      const port = (app.address() as AddressInfo).port
      const response = await fetch(`http://127.0.0.1:${port}/echo`, {
        method: 'PUT',
        body: 'hello ✓',
      })
      expect(response.status).toBe(201)
      expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
      expect(await response.text()).toBe('PUT /echo hello ✓')
    } finally {
      await new Promise((resolve) => app.close(resolve))
    }
  })

  it('hands a rejected handler to next() when used as Express middleware', async () => {
    const next = vi.fn()
    const failing = toNodeHandler(() => Promise.reject(new Error('handler bug')))
    const seen = new Promise<unknown>((resolve) => next.mockImplementation(resolve))
    const app = createServer((req, res) => {
      failing(req, res, next)
      void seen.then(() => res.writeHead(502).end())
    })
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
    try {
      const port = (app.address() as AddressInfo).port
      const response = await fetch(`http://127.0.0.1:${port}/`)
      expect(response.status).toBe(502)
      expect(await seen).toEqual(new Error('handler bug'))
    } finally {
      await new Promise((resolve) => app.close(resolve))
    }
  })
})
