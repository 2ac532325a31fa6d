import { readMessengerScript } from './readMessengerScript'
import { verifyBootPayload } from './verifyBootPayload'

/** Options of `createFakeIntercom`. */
export interface FakeIntercomOptions {
  /** The Messenger secret the identity endpoint signs with; pass several while rotating. */
  secret: string | readonly string[]
  /** The app id in the script URL. Default `'fake-app'`. */
  appId?: string
  /** Where the handler is mounted, e.g. `'/fake-intercom'`. Default `''`. */
  basePath?: string
}

/** A Fetch API handler: `Request` in, `Response` out. */
export type FakeIntercomHandler = (request: Request) => Promise<Response>

const noStore = { 'Cache-Control': 'no-store' }
// The widget's API lives on another origin than the page (api-iam.intercom.io), so the fake answers CORS.
const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST',
  'Access-Control-Allow-Headers': 'Content-Type',
}

// The signer refuses shorter secrets (HS256 wants a key of 32 bytes or more), so a fake holding one could
// never verify anything the app's identity endpoint signed.
const MIN_SECRET_LENGTH = 32

function assertSecrets(secret: unknown): readonly string[] {
  const secrets = Array.isArray(secret) ? secret : [secret]
  if (secrets.length === 0 || secrets.some((each) => typeof each !== 'string' || each === '')) {
    throw new TypeError(
      '[verified-messenger/testing] createFakeIntercom needs `secret`: the non-empty Messenger secret your identity endpoint signs with (or a list of them).',
    )
  }
  if (secrets.some((each: string) => each.length < MIN_SECRET_LENGTH)) {
    throw new TypeError(
      `[verified-messenger/testing] createFakeIntercom's secret must be at least ${MIN_SECRET_LENGTH} characters, as the signer requires. In tests, use a random one: randomBytes(32).toString('base64url') from node:crypto.`,
    )
  }
  return secrets as readonly string[]
}

/**
 * The server side of the fake Messenger: serves its browser script at `GET <basePath>/widget/<appId>`
 * and verifies boots at `POST <basePath>/messenger/web/ping` with the secret, which never leaves the
 * server. Any other path is a 404, so an app can chain it with its own routes.
 *
 * @example
 * const fake = createFakeIntercom({ secret: process.env.INTERCOM_IDENTITY_SECRET, appId: 'app123', basePath: '/fake-intercom' })
 * // Boot with api_base: `${origin}/fake-intercom`; load the script from `/fake-intercom/widget/app123`.
 * const response = await fake(request)
 */
export function createFakeIntercom(options: FakeIntercomOptions): FakeIntercomHandler {
  const secrets = assertSecrets(options?.secret)
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const scriptPath = `${basePath}/widget/${options.appId ?? 'fake-app'}`
  const pingPath = `${basePath}/messenger/web/ping`

  return async (request) => {
    const { pathname } = new URL(request.url)
    if (pathname === scriptPath && (request.method === 'GET' || request.method === 'HEAD')) {
      return serveScript()
    }
    if (pathname === pingPath && request.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: cors })
    }
    if (pathname === pingPath && request.method === 'POST') {
      const payload = await readPayload(request)
      if (!payload) {
        return Response.json(
          { verified: false, error: 'Send the boot settings as a JSON object.' },
          { status: 400, headers: { ...noStore, ...cors } },
        )
      }
      const verdict = verifyBootPayload(payload, secrets)
      const status = verdict.verified || 'anonymous' in verdict ? 200 : 401
      return Response.json(verdict, { status, headers: { ...noStore, ...cors } })
    }
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
  }
}

async function serveScript(): Promise<Response> {
  try {
    return new Response(await readMessengerScript(), {
      headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' },
    })
  } catch (error) {
    // The developer sees why in the browser's network panel; the message names the build command.
    return new Response((error as Error).message, {
      status: 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
}

async function readPayload(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = await request.json()
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}
