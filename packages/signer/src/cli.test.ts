import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { signIntercomJwt, verifyIntercomJwt } from '@verified-messenger/signer'
import { describe, expect, it } from 'vitest'

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

  it.each(['hash', 'sign', 'verify', 'decode'])(
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
    for (const command of ['hash', 'sign', 'verify', 'decode']) {
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
