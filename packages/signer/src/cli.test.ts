import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  createIdentityHandler,
  signIntercomJwt,
  toNodeHandler,
  verifyIntercomJwt,
} from '@verified-messenger/signer'
import { describe, expect, it, type TestContext } from 'vitest'

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url))
const secret = 'cli-test-secret-of-32-characters-or-more'

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs the bin's TypeScript source in a child process, as a shell would. */
function run(
  args: string[],
  env: Record<string, string | undefined> = { INTERCOM_IDENTITY_SECRET: secret },
) {
  return new Promise<Run>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { env: { PATH: process.env.PATH, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
      },
    )
  })
}

// Each test starts Node with tsx in a child process: seconds, not milliseconds, on a busy machine.
describe.concurrent('verified-messenger CLI', { timeout: 30_000 }, () => {
  it('hash prints the legacy user_hash (the vector openssl computes)', async () => {
    const result = await run(['hash', 'Message'], {
      INTERCOM_IDENTITY_SECRET: 'an-intercom-messenger-secret-of-40-chars',
    })
    expect(result).toEqual({
      code: 0,
      stdout: '04c96ed97509b65dbb4122c2e1a420c84d306d5238b5eaef638b097b1b15b6a4\n',
      stderr: '',
    })
  })

  it('sign prints a token that verifies, with the given claims and lifetime', async () => {
    const result = await run([
      'sign',
      '--user-id',
      '42',
      '--email',
      'ada@example.com',
      '--expires-in',
      '120',
    ])
    expect(result.code).toBe(0)
    const claims = verifyIntercomJwt(result.stdout.trim(), secret, { userId: '42' })
    expect(claims.email).toBe('ada@example.com')
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(120)
  })

  it('sign --expires-in none leaves exp out', async () => {
    const result = await run(['sign', '--user-id', '42', '--expires-in', 'none'])
    expect(verifyIntercomJwt(result.stdout.trim(), secret).exp).toBeUndefined()
  })

  it('verify prints the claims of a good token and exits 0', async () => {
    const token = signIntercomJwt({ user_id: '7', name: 'Zoë' }, secret)
    const result = await run(['verify', token, '--user-id', '7'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ user_id: '7', name: 'Zoë' })
  })

  it('verify exits 1 with the error code for a token signed with another secret or for another user', async () => {
    const forged = await run([
      'verify',
      signIntercomJwt({ user_id: '7' }, 'another-secret-of-32-characters-or-more'),
    ])
    expect(forged.code).toBe(1)
    expect(forged.stderr).toMatch(/^ERR_JWT_SIGNATURE: \[verified-messenger\/signer\] /)
    const otherUser = await run([
      'verify',
      signIntercomJwt({ user_id: '7' }, secret),
      '--user-id',
      '8',
    ])
    expect(otherUser.code).toBe(1)
    expect(otherUser.stderr).toMatch(/^ERR_JWT_CLAIM: /)
  })

  it('decode prints header and claims without a secret, and says they are not verified', async () => {
    const token = signIntercomJwt({ user_id: '7' }, 'whatever-secret-of-32-characters-or-more')
    const result = await run(['decode', token], {})
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({
      header: { alg: 'HS256' },
      payload: { user_id: '7' },
    })
    expect(result.stderr).toMatch(/not verified/i)
  })

  it('reads the secret from --secret-file, ignoring the trailing newline', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vm-cli-')), 'secret')
    writeFileSync(file, 'an-intercom-messenger-secret-of-40-chars\n')
    const result = await run(['hash', 'Message', '--secret-file', file], {})
    expect(result.stdout).toBe('04c96ed97509b65dbb4122c2e1a420c84d306d5238b5eaef638b097b1b15b6a4\n')
  })

  it.each([
    ['hash', 'x'],
    ['sign', '--user-id', 'x'],
    ['verify', 'a.b.c'],
  ])('%s without a secret is a one-line error and exit code 2', async (...args) => {
    const result = await run(args, {})
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(
      /^\[verified-messenger\/signer\] no secret: .*INTERCOM_IDENTITY_SECRET.*\n$/,
    )
    expect(result.stderr.split('\n')).toHaveLength(2)
  })

  it.each([['--secret', secret], [`--secret=${secret}`]])(
    'refuses a secret passed as an argument (%s), says it is on purpose and what to use instead',
    async (...secretArgs) => {
      const result = await run(['hash', 'x', ...secretArgs], {})
      expect(result.code).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(/^\[verified-messenger\/signer\] Unknown option '--secret/)
      expect(result.stderr).toContain('refused on the command line on purpose')
      expect(result.stderr).toContain('INTERCOM_IDENTITY_SECRET')
      expect(result.stderr).toContain('--secret-file <path>')
      expect(result.stderr).not.toContain(secret)
    },
  )

  it.each(['hash', 'sign', 'verify', 'decode', 'check'])(
    '%s --help prints its usage and exits 0',
    async (command) => {
      const result = await run([command, '--help'], {})
      expect(result.code).toBe(0)
      expect(result.stdout).toContain(`Usage: verified-messenger ${command}`)
    },
  )

  it('--help lists every command; no command prints it to stderr with exit code 2', async () => {
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    for (const command of ['hash', 'sign', 'verify', 'decode', 'check']) {
      expect(help.stdout).toContain(`verified-messenger ${command}`)
    }
    const bare = await run([])
    expect(bare.code).toBe(2)
    expect(bare.stderr).toBe(help.stdout)
  })

  it('exits 2 with a message for an unknown command, a bad id and a bad --expires-in', async () => {
    const unknown = await run(['mint'])
    expect(unknown).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command "mint"'),
    })
    const longId = await run(['hash', 'x'.repeat(300)])
    expect(longId).toMatchObject({ code: 2, stderr: expect.stringMatching(/^ERR_USER_ID: /) })
    const badLifetime = await run(['sign', '--user-id', '1', '--expires-in', '1h'])
    expect(badLifetime).toMatchObject({ code: 2, stderr: expect.stringContaining('--expires-in') })
  })
})

// Each test starts the CLI under tsx, as above, and it then sends a dozen requests: give it twice as long.
describe.concurrent('verified-messenger check', { timeout: 60_000 }, () => {
  /**
   * An identity endpoint on a free port of 127.0.0.1 until the test ends (the test's own hook: the tests
   * run concurrently); `session=ada` is Ada's.
   */
  async function serveEndpoint(
    { onTestFinished }: TestContext,
    edit: (headers: Headers) => void = () => {},
  ): Promise<string> {
    const handler = createIdentityHandler({
      secret,
      getUser: (request) =>
        request.headers.get('cookie') === 'session=ada' ? { user_id: 'user-ada' } : null,
    })
    const server = createServer(
      toNodeHandler(async (request) => {
        const response = await handler(request, undefined)
        const headers = new Headers(response.headers)
        edit(headers)
        return new Response(response.body, { status: response.status, headers })
      }),
    )
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
    onTestFinished(() => new Promise<void>((closed) => server.close(() => closed())))
    const { port } = server.address() as { port: number }
    return `http://127.0.0.1:${port}/api/intercom/identity`
  }
  const asAda = ['--cookie', 'session=ada', '--user-id', 'user-ada']

  it('prints one ✓ line per check and a summary, and exits 0, when every check passes', async (context) => {
    const result = await run(['check', await serveEndpoint(context), ...asAda])
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines.filter((line) => line.startsWith('  ✓ '))).toHaveLength(17)
    expect(lines.at(-1)).toBe('All 17 checks passed.')
    expect(result.stderr).toBe('')
  })

  it('exits 1 and prints ✗ with what to do for each failed check, never the secret', async (context) => {
    const build = mkdtempSync(join(tmpdir(), 'vm-cli-build-'))
    writeFileSync(join(build, 'client.js'), `const key = "${secret}"`)
    const url = await serveEndpoint(context, (headers) =>
      headers.set('access-control-allow-origin', '*'),
    )
    const result = await run(['check', url, ...asAda, '--scan', build])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      `  ✗ holds neither the secret nor its hex or base64 forms: found in ${join(build, 'client.js')} at byte 13 (as is)\n      fix: Read the secret only in server code`,
    )
    expect(result.stdout).toMatch(
      /\n {2}✗ no CORS for other origins .*: Access-Control-Allow-Origin: \* on the anonymous answer\n {6}fix: Remove CORS from this path/,
    )
    expect(result.stdout).toMatch(
      /\n2 of 18 checks failed: fix each ✗ above, then run this again.\n$/,
    )
    expect(result.stdout + result.stderr).not.toContain(secret)
  })

  it('--json prints the same checks for machines', async (context) => {
    const result = await run(['check', await serveEndpoint(context), ...asAda, '--json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report).toMatchObject({ ok: true, passed: 17, failed: 0 })
    expect(report.checks[0]).toEqual({
      subject: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/intercom\/identity$/),
      name: 'answers 204 (or 401) without credentials',
      ok: true,
    })
  })

  it('--help explains every check and shows a GitHub Actions step', async () => {
    const result = await run(['check', '--help'], {})
    expect(result.stdout).toContain('In GitHub Actions')
    expect(result.stdout).toContain('secrets.INTERCOM_IDENTITY_SECRET')
    expect(result.stdout).toContain('--max-age')
  })

  it('exits 2 and says what is missing without a test user, or without anything to check', async () => {
    const [noUser, nothing] = await Promise.all([
      run(['check', 'https://example.com/api/intercom/identity']),
      run(['check']),
    ])
    expect(noUser.code).toBe(2)
    expect(noUser.stderr).toMatch(
      /^\[verified-messenger\/signer\] checking an endpoint needs a test user/,
    )
    expect(nothing.code).toBe(2)
    expect(nothing.stderr).toContain('check needs an endpoint <url>, a --scan <dir>, or both.')
  })
})
