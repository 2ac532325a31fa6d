import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createIdentityHandler,
  type IdentityHandlerOptions,
  signIntercomJwt,
  toNodeHandler,
} from '@verified-messenger/signer'
import { describe, expect, it, onTestFinished } from 'vitest'
import { type CheckOptions, runCheck } from './runCheck'

const secret = randomBytes(32).toString('base64url')
const ada = { user_id: 'user-ada', email: 'ada@example.com', name: 'Ada Lovelace' }

/** The example's session: the cookie `session=ada` is Ada's. */
function sessionUser(request: Request) {
  return /(?:^|;\s*)session=ada(?:;|$)/.test(request.headers.get('cookie') ?? '') ? ada : null
}

const options: IdentityHandlerOptions = { secret, getUser: sessionUser }

/** Serves `handler` on a free port of 127.0.0.1 until the test ends; returns the endpoint's URL. */
async function serve(handler: Parameters<typeof toNodeHandler>[0]): Promise<string> {
  const server = createServer(toNodeHandler(handler))
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  onTestFinished(() => new Promise<void>((closed) => server.close(() => closed())))
  const { port } = server.address() as { port: number }
  return `http://127.0.0.1:${port}/api/intercom/identity`
}

/** Runs every check of `url` as Ada, and returns the names of those that failed. */
async function failedChecks(url: string, extra: Partial<CheckOptions> = {}) {
  const results = await runCheck({
    urls: [url],
    credentials: { cookie: 'session=ada' },
    userId: 'user-ada',
    maxAge: 24 * 60 * 60,
    scan: [],
    secret,
    ...extra,
  })
  return results.filter((result) => !result.ok).map((result) => result.name)
}

/** The correct handler, with its answers changed by `edit`. */
function edited(edit: (response: Response) => Response) {
  const handler = createIdentityHandler(options)
  return async (request: Request) => edit(await handler(request, undefined))
}

function withHeaders(response: Response, change: (headers: Headers) => void): Response {
  const headers = new Headers(response.headers)
  change(headers)
  return new Response(response.body, { status: response.status, headers })
}

describe('verified-messenger check: the endpoint', () => {
  it('passes every check against createIdentityHandler, in JWT and legacy hash mode', async () => {
    const url = await serve(createIdentityHandler(options))
    const results = await runCheck({
      urls: [url],
      credentials: { cookie: 'session=ada' },
      userId: 'user-ada',
      maxAge: 3600,
      scan: [],
      secret,
    })
    expect(results.map((result) => [result.name, result.ok])).toEqual([
      ['answers 204 (or 401) without credentials', true],
      ['the answer without credentials names nobody', true],
      ['the answer without credentials has Cache-Control: no-store', true],
      ['answers 200 with user_id user-ada to the given credentials', true],
      ['the signed-in answer has Cache-Control: no-store', true],
      ['the token is signed with HS256', true],
      ['the token verifies with the secret', true],
      ['the token signs user_id user-ada', true],
      ['the token has exp, at most 3600 s ahead (--max-age)', true],
      ["expires_at equals the token's exp", true],
      ['the token was not issued in the future (iat)', true],
      ['the token lists what it signs', true],
      ['no shared cache may store its answers', true],
      ['a user_id in the query string is ignored', true],
      ['a user_id in the request body is ignored', true],
      ['POST, PUT, PATCH, DELETE answer 405 Method Not Allowed with Allow', true],
      [
        'no CORS for other origins (no Access-Control-Allow-Origin: *, no credentials for a foreign origin)',
        true,
      ],
    ])
    expect(
      results.find((result) => result.name === 'the token lists what it signs')?.detail,
    ).toMatch(/^signed \(protected\): user_id, email, name; registered: iat, exp\./)
    const legacy = await serve(createIdentityHandler({ ...options, mode: 'hmac' }))
    expect(await failedChecks(legacy)).toEqual([])
  })

  it('accepts 401 with an error body without credentials, and fails one that names the user', async () => {
    const answerAnonymous = (body: object) =>
      edited((response) =>
        response.status === 204
          ? Response.json(body, { status: 401, headers: { 'cache-control': 'no-store' } })
          : response,
      )
    expect(await failedChecks(await serve(answerAnonymous({ error: 'unauthorized' })))).toEqual([])
    const naming = await serve(answerAnonymous({ error: 'session expired', last: 'user-ada' }))
    expect(await failedChecks(naming)).toEqual(['the answer without credentials names nobody'])
  })

  it('fails the no-store and shared-cache checks when Cache-Control: no-store is missing', async () => {
    const url = await serve(
      edited((response) => withHeaders(response, (headers) => headers.delete('cache-control'))),
    )
    expect(await failedChecks(url)).toEqual([
      'the answer without credentials has Cache-Control: no-store',
      'the signed-in answer has Cache-Control: no-store',
      'no shared cache may store its answers',
    ])
  })

  it('fails the shared-cache check when a CDN may store the answer', async () => {
    const url = await serve(
      edited((response) =>
        withHeaders(response, (headers) => headers.set('cache-control', 'no-store, s-maxage=60')),
      ),
    )
    expect(await failedChecks(url)).toEqual(['no shared cache may store its answers'])
  })

  it('fails the CORS check on Access-Control-Allow-Origin: *', async () => {
    const url = await serve(
      edited((response) =>
        withHeaders(response, (headers) => headers.set('access-control-allow-origin', '*')),
      ),
    )
    expect(await failedChecks(url)).toEqual([
      'no CORS for other origins (no Access-Control-Allow-Origin: *, no credentials for a foreign origin)',
    ])
  })

  it('fails the CORS check when any origin may read the answer with credentials', async () => {
    const handler = createIdentityHandler(options)
    const url = await serve(async (request) => {
      const origin = request.headers.get('origin')
      return withHeaders(await handler(request, undefined), (headers) => {
        if (origin === null) return
        headers.set('access-control-allow-origin', origin)
        headers.set('access-control-allow-credentials', 'true')
      })
    })
    expect(await failedChecks(url)).toEqual([
      'no CORS for other origins (no Access-Control-Allow-Origin: *, no credentials for a foreign origin)',
    ])
  })

  it('fails the query check when the endpoint takes the user id from the query string', async () => {
    const url = await serve(
      createIdentityHandler({
        secret,
        getUser: (request) => {
          const asked = new URL(request.url).searchParams.get('user_id')
          return asked ? { user_id: asked } : sessionUser(request)
        },
      }),
    )
    expect(await failedChecks(url)).toEqual(['a user_id in the query string is ignored'])
  })

  it('fails the body and method checks when POST signs the id in its body', async () => {
    const handler = createIdentityHandler(options)
    const url = await serve(async (request) => {
      if (request.method !== 'POST') return handler(request, undefined)
      const { user_id } = (await request.json()) as { user_id: string }
      return Response.json(
        { user_id, intercom_user_jwt: signIntercomJwt({ user_id }, secret) },
        { headers: { 'cache-control': 'no-store' } },
      )
    })
    expect(await failedChecks(url)).toEqual([
      'a user_id in the request body is ignored',
      'POST, PUT, PATCH, DELETE answer 405 Method Not Allowed',
    ])
  })

  it('fails the exp and expires_at checks for a token without exp, and the max-age check for a long one', async () => {
    const noExp = await serve(async (request) =>
      request.method === 'GET' && sessionUser(request)
        ? Response.json(
            {
              user_id: ada.user_id,
              intercom_user_jwt: signIntercomJwt(ada, secret, { expiresIn: false }),
            },
            { headers: { 'cache-control': 'no-store' } },
          )
        : createIdentityHandler(options)(request, undefined),
    )
    expect(await failedChecks(noExp)).toEqual([
      'the token has exp, at most 86400 s ahead (--max-age)',
      "expires_at equals the token's exp",
    ])
    const hourLong = await serve(createIdentityHandler(options))
    expect(await failedChecks(hourLong, { maxAge: 1800 })).toEqual([
      'the token has exp, at most 1800 s ahead (--max-age)',
    ])
  })

  it('fails the signature check for a token signed with another secret, and the id checks for another user', async () => {
    const otherSecret = await serve(createIdentityHandler({ ...options, secret: `${secret}x` }))
    expect(await failedChecks(otherSecret)).toEqual(['the token verifies with the secret'])
    expect(await failedChecks(otherSecret, { userId: 'user-bob' })).toEqual([
      'answers 200 with user_id user-bob to the given credentials',
      'the token verifies with the secret',
      'the token signs user_id user-bob',
      'a user_id in the query string is ignored',
    ])
  })

  it('says where an endpoint that redirects visitors without a session sends them', async () => {
    const url = await serve(
      edited((response) =>
        response.status === 204
          ? new Response(null, {
              status: 302,
              headers: { location: '/login', 'cache-control': 'no-store' },
            })
          : response,
      ),
    )
    const results = await runCheck({
      urls: [url],
      credentials: { cookie: 'session=ada' },
      userId: 'user-ada',
      maxAge: 3600,
      scan: [],
      secret,
    })
    expect(results.filter((result) => !result.ok)).toEqual([
      expect.objectContaining({
        name: 'answers 204 (or 401) without credentials',
        detail: 'answered 302, a redirect to /login',
      }),
      expect.objectContaining({ name: 'a user_id in the query string is ignored' }),
    ])
  })

  it('reports an endpoint that does not answer as one failed check', async () => {
    const url = await serve(createIdentityHandler(options))
    const closed = url.replace(/:\d+\//, ':1/')
    expect(await failedChecks(closed)).toEqual(['the endpoint answers'])
  })
})

describe('verified-messenger check: --scan', () => {
  function buildWith(contents: string | Buffer) {
    const dir = mkdtempSync(join(tmpdir(), 'vm-check-'))
    writeFileSync(join(dir, 'clean.js'), 'export const a = 1\n')
    writeFileSync(join(dir, 'app.js'), contents)
    return dir
  }
  const scan = (dir: string) =>
    runCheck({ urls: [], credentials: {}, userId: '', maxAge: 1, scan: [dir], secret })

  it('passes a folder without the secret', async () => {
    const [result] = await scan(buildWith('const key = "not it"'))
    expect(result).toMatchObject({ ok: true, detail: '2 files' })
  })

  const raw = Buffer.from(secret)
  it.each([
    ['as is', `const secret = "${secret}"`, 'as is'],
    ['in hex', `k="${raw.toString('hex')}"`, 'hex'],
    ['in upper-case hex', `k="${raw.toString('hex').toUpperCase()}"`, 'hex'],
    ...[0, 1, 2].map((shift) => [
      `in base64, ${shift} bytes into an encoded blob`,
      `m="${Buffer.concat([Buffer.alloc(shift, 7), raw, Buffer.from('tail')]).toString('base64')}"`,
      'base64',
    ]),
    ...[0, 1, 2].map((shift) => [
      `in base64url, ${shift} bytes into an encoded blob`,
      // 0xfb 0xff make '-' and '_' certain, so this is not also valid base64.
      `m="${Buffer.concat([Buffer.from([0xfb, 0xff, 0xfb]), Buffer.alloc(shift, 7), raw]).toString('base64url')}"`,
      'base64',
    ]),
  ])(
    'fails a folder holding the secret %s, with file and offset, never the secret',
    async (_, contents, form) => {
      const dir = buildWith(`/* bundle */ ${contents}`)
      const [result] = await scan(dir)
      expect(result?.ok).toBe(false)
      expect(result?.detail).toMatch(new RegExp(`app\\.js at byte \\d+ \\(${form}`))
      expect(JSON.stringify(result)).not.toContain(secret)
      expect(JSON.stringify(result)).not.toContain(raw.toString('base64'))
    },
  )

  it('fails a folder that does not exist', async () => {
    const [result] = await scan(join(tmpdir(), 'vm-check-missing-folder'))
    expect(result).toMatchObject({ ok: false, detail: 'cannot read it (ENOENT)' })
  })
})
