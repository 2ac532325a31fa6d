import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import {
  createIdentityHandler,
  issueIdentity,
  type NodeHandlerContext,
  toNodeHandler,
} from '@verified-messenger/signer'
import type { DemoConfig } from '../src/demoConfig'
import { createSessionStore } from './createSessionStore'
import { demoUsers, findDemoUser } from './demoUsers'
import { serveClient } from './serveClient'

/** How to run the demo server; every field is optional. */
export interface DemoServerOptions {
  /** Default `0`: a free port. */
  port?: number
  /** Default `'127.0.0.1'`. */
  host?: string
  /** The Vite build to serve; default `examples/demo/dist/client`. */
  clientDir?: string
  /**
   * A real Intercom workspace: the page loads Intercom's widget and the identity endpoint signs with
   * its Messenger secret. Default: the fake Messenger from @verified-messenger/testing.
   */
  intercom?: { appId: string; secret: string }
  /** The fake's signing secret; default a random one per process. Ignored with `intercom`. */
  fakeSecret?: string
  /** Lifetime of the identity JWTs; default 3600. */
  tokenTtlSeconds?: number
  /** Holds the fake's widget script back this long, like a slow CDN; default 0. */
  scriptDelayMs?: number
  /** Holds each identity response back this long, like a slow backend; default 0. */
  identityDelayMs?: number
  /**
   * Ends the server session this long after the sign-out request arrived, like a slow backend; meanwhile
   * the identity endpoint still vouches for the leaving user. Default 0.
   */
  signOutDelayMs?: number
  /**
   * Signs the identity while rendering the page and hands it to the provider (`initialIdentity`), so the
   * first boot makes no identity request. Default `false`.
   */
  renderIdentity?: boolean
  /**
   * Sends every page with a strict Content-Security-Policy: scripts only with a fresh per-request nonce,
   * styles only from this origin or with that nonce (no `'unsafe-inline'`); the page hands the nonce to the
   * provider as `cspNonce`. Default `false` (a real Intercom workspace needs its own hosts allowed).
   */
  strictCsp?: boolean
}

/** A running demo server. */
export interface DemoServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  close(): Promise<void>
}

const fakeAppId = 'demo-app'
const fakeBasePath = '/fake-intercom'

/**
 * Starts the demo: the built React app, a session API for the demo users, the identity endpoint at
 * `/api/intercom/identity`, and (without `intercom`) the fake Messenger under `/fake-intercom`.
 * @example
 * const server = await startDemoServer({ tokenTtlSeconds: 8 })
 * console.log(server.url)
 * await server.close()
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const {
    port = 0,
    host = '127.0.0.1',
    clientDir = fileURLToPath(new URL('../dist/client', import.meta.url)),
    intercom,
    tokenTtlSeconds = 3600,
    scriptDelayMs = 0,
    identityDelayMs = 0,
    signOutDelayMs = 0,
    renderIdentity = false,
    strictCsp = false,
  } = options
  const secret = intercom?.secret ?? options.fakeSecret ?? randomBytes(32).toString('base64url')
  const appId = intercom?.appId ?? fakeAppId
  const sessions = createSessionStore()
  const sendClient = serveClient(clientDir)
  // The session decides who is signed in; nothing the browser sends can name another user.
  const signedInUser = (req: IncomingMessage) => {
    const user = findDemoUser(sessions.userIdOf(req.headers.cookie))
    return user ? { user_id: user.id, email: user.email, name: user.name } : null
  }
  const identity = toNodeHandler(
    createIdentityHandler<NodeHandlerContext>({
      secret,
      expiresIn: tokenTtlSeconds,
      getUser: (_request, { req }) => signedInUser(req),
    }),
  )
  // Loaded only when used: a deployment with real Intercom never loads the fake.
  const fake = intercom
    ? undefined
    : await import('@verified-messenger/testing/server').then(({ createFakeIntercom }) =>
        toNodeHandler(createFakeIntercom({ secret, appId, basePath: fakeBasePath })),
      )

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost')
    const method = request.method ?? 'GET'

    if (pathname === '/api/me' && method === 'GET') {
      const user = findDemoUser(sessions.userIdOf(request.headers.cookie))
      return user ? sendJson(response, 200, { user }) : sendJson(response, 401, { user: null })
    }
    if (pathname === '/api/session' && method === 'POST') {
      // A JSON body needs a CORS preflight cross-site, so a forged form post cannot sign anyone in.
      if (!request.headers['content-type']?.startsWith('application/json')) {
        return sendJson(response, 415, { error: 'Send the user id as application/json.' })
      }
      const user = findDemoUser((await readJson(request))?.userId)
      if (!user) return sendJson(response, 400, { error: 'Pick one of the demo users.' })
      sessions.signIn(response, user.id)
      return sendJson(response, 200, { user })
    }
    if (pathname === '/api/session' && method === 'DELETE') {
      await delay(signOutDelayMs)
      sessions.signOut(request, response)
      return sendJson(response, 200, { user: null })
    }
    if (pathname === '/api/intercom/identity') {
      await delay(identityDelayMs)
      return identity(request, response)
    }
    if (fake && pathname.startsWith(`${fakeBasePath}/`)) {
      if (pathname.startsWith(`${fakeBasePath}/widget/`)) await delay(scriptDelayMs)
      return fake(request, response)
    }
    if (method !== 'GET' && method !== 'HEAD')
      return sendJson(response, 404, { error: 'Not found' })

    const nonce = strictCsp ? randomBytes(16).toString('base64') : undefined
    if (nonce) {
      response.setHeader(
        'Content-Security-Policy',
        `default-src 'self'; script-src 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; object-src 'none'; base-uri 'none'`,
      )
    }
    const config: DemoConfig = {
      appId,
      messenger: fake ? 'fake' : 'intercom',
      ...(fake ? { fakeBasePath } : {}),
      user: findDemoUser(sessions.userIdOf(request.headers.cookie)) ?? null,
      demoUsers,
      ...(nonce && { cspNonce: nonce }),
      // The endpoint's answer for this session, signed while rendering: the first boot needs no request.
      ...(renderIdentity && {
        initialIdentity: await issueIdentity(signedInUser(request), {
          secret,
          expiresIn: tokenTtlSeconds,
        }),
      }),
    }
    return sendClient(pathname, config, response)
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      // Details stay on the server side: an error message could carry anything.
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal error' })
      else response.destroy()
    })
  })
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(port, host, () => resolveListen())
  })
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`

  return {
    url: origin,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()))
        server.closeAllConnections()
      }),
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  response.end(JSON.stringify(body))
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function delay(ms: number) {
  return ms > 0 ? new Promise((resolveDelay) => setTimeout(resolveDelay, ms)) : undefined
}
