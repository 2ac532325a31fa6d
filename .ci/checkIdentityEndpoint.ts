/**
 * Starts a built example, asks its identity endpoint(s) what the contract says they answer, and checks
 * that the build never picked up the secret. The secret comes from INTERCOM_IDENTITY_SECRET, which the
 * caller also set while building (as a careless CI would) so a leak would show.
 *
 * node --import tsx .ci/checkIdentityEndpoint.ts --cwd examples/nextjs --start 'pnpm start -p {port}' \
 *   --path /api/intercom/identity --cookie demo_session=ada --user user-ada --scan .next
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { verifyIntercomJwt } from '../packages/signer/src/index'

const { values } = parseArgs({
  options: {
    cwd: { type: 'string' },
    start: { type: 'string' },
    path: { type: 'string', multiple: true },
    cookie: { type: 'string' },
    user: { type: 'string' },
    scan: { type: 'string', multiple: true, default: [] },
  },
})
const secret = process.env.INTERCOM_IDENTITY_SECRET
if (!values.cwd || !values.start || !values.path || !values.cookie || !values.user || !secret) {
  throw new Error('usage: see the comment at the top; INTERCOM_IDENTITY_SECRET must be set')
}
const cwd = resolve(values.cwd)
const userId = values.user

let passed = 0
let failed = 0
function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passed++
  else failed++
  console.log(`${ok ? '✓' : '✗'} ${name}${ok ? '' : ` (${detail})`}`)
}

/** Every file under `dir` that contains `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) found.push(...filesContaining(path, needle))
    else if (readFileSync(path).includes(needle)) found.push(path)
  }
  return found
}

for (const dir of values.scan) {
  const leaks = filesContaining(join(cwd, dir), secret)
  check(`the secret is nowhere in ${dir}`, leaks.length === 0, leaks.join(', '))
}

const port = await new Promise<number>((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address() as { port: number }
    probe.close(() => done(free))
  })
})
const server = spawn(values.start.replace('{port}', String(port)), {
  cwd,
  shell: true,
  detached: true,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, PORT: String(port) },
})
const origin = `http://127.0.0.1:${port}`

try {
  const started = Date.now()
  for (;;) {
    try {
      await fetch(origin)
      break
    } catch {
      if (Date.now() - started > 60_000) throw new Error(`nothing answered on ${origin} in 60 s`)
      await new Promise((wait) => setTimeout(wait, 250))
    }
  }
  for (const path of values.path) {
    const nobody = await fetch(`${origin}${path}`)
    const empty = await nobody.text()
    check(
      `${path} answers 204 No Content, uncached, when nobody is signed in`,
      nobody.status === 204 && nobody.headers.get('cache-control') === 'no-store' && empty === '',
      `${nobody.status} ${nobody.headers.get('cache-control')} ${empty.slice(0, 80)}`,
    )
    const signedIn = await fetch(`${origin}${path}`, { headers: { cookie: values.cookie } })
    const body = (await signedIn.json().catch(() => ({}))) as Record<string, unknown>
    let verified = false
    try {
      verified =
        verifyIntercomJwt(String(body.intercom_user_jwt), secret, { userId }).user_id === userId
    } catch {}
    check(
      `${path} answers 200 with a token for ${userId} that verifies with the secret`,
      signedIn.status === 200 && body.user_id === userId && verified,
      `${signedIn.status} ${JSON.stringify(body).slice(0, 120)}`,
    )
  }
} finally {
  // The server and whatever its start command spawned, as one process group.
  if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM')
}
console.log(`identity endpoint of ${values.cwd}: ${passed} passed, ${failed} failed`)
process.exitCode = failed > 0 ? 1 : 0
