/**
 * Signs and verifies the same claims with this package's two builds (node:crypto, and the Web Crypto one
 * that workerd and edge runtimes get), jsonwebtoken (pre-made KeyObject), jose as its README shows it
 * (the secret as bytes, so the key is imported on every call) and with a pre-imported CryptoKey, and a
 * bare node:crypto HMAC over the same bytes, the physical limit. All in one process, so every contender
 * runs on the same runtime.
 * Run: pnpm --filter @verified-messenger/signer run bench (on Node, then Bun, then Deno)
 */
import { createHmac, createSecretKey, webcrypto } from 'node:crypto'
import { jwtVerify, SignJWT } from 'jose'
import jwt from 'jsonwebtoken'
import { signIntercomJwt, verifyIntercomJwt } from '../src/index'
import * as webBuild from '../src/web/index'

const DURATION_MS = Number(process.env.BENCH_MS ?? 1000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)

const secret = 'bench-messenger-secret-0123456789abcdef'
const claims = { user_id: '1234567', email: 'ada@example.com', name: 'Ada Lovelace', plan: 'pro' }

const keyObject = createSecretKey(Buffer.from(secret))
const secretBytes = new TextEncoder().encode(secret)
const cryptoKey = await webcrypto.subtle.importKey(
  'raw',
  Buffer.from(secret),
  { name: 'HMAC', hash: 'SHA-256' },
  false,
  ['sign', 'verify'],
)

const token = signIntercomJwt(claims, secret)
const signingInput = Buffer.from(token.slice(0, token.lastIndexOf('.')))
const bareHmac = () => createHmac('sha256', secret).update(signingInput).digest()

// Every contender must accept the same token before its speed means anything.
jwt.verify(token, keyObject, { algorithms: ['HS256'] })
await jwtVerify(token, cryptoKey, { algorithms: ['HS256'] })
await webBuild.verifyIntercomJwt(token, secret)
if (
  (await webBuild.signIntercomJwt(claims, secret, { now: () => 0 })) !==
  signIntercomJwt(claims, secret, { now: () => 0 })
) {
  throw new Error('the two builds sign different tokens')
}
verifyIntercomJwt(jwt.sign(claims, keyObject, { algorithm: 'HS256', expiresIn: 3600 }), secret)

type Task = () => unknown

/** Calls `task` in batches until DURATION_MS has passed; returns operations per second. */
async function opsPerSecond(task: Task, isAsync: boolean): Promise<number> {
  const batch = 200
  let operations = 0
  const start = process.hrtime.bigint()
  const end = start + BigInt(DURATION_MS) * 1_000_000n
  let now = start
  while (now < end) {
    if (isAsync) for (let i = 0; i < batch; i++) await task()
    else for (let i = 0; i < batch; i++) task()
    operations += batch
    now = process.hrtime.bigint()
  }
  return (operations * 1e9) / Number(now - start)
}

interface Contender {
  name: string
  sign: Task
  verify: Task
  isAsync?: boolean
}

const contenders: Contender[] = [
  {
    name: 'bare node:crypto HMAC',
    sign: bareHmac,
    verify: bareHmac,
  },
  {
    name: '@verified-messenger/signer',
    sign: () => signIntercomJwt(claims, secret),
    verify: () => verifyIntercomJwt(token, secret),
  },
  {
    name: 'signer, Web Crypto build',
    sign: () => webBuild.signIntercomJwt(claims, secret),
    verify: () => webBuild.verifyIntercomJwt(token, secret),
    isAsync: true,
  },
  {
    name: 'jsonwebtoken (KeyObject)',
    sign: () => jwt.sign(claims, keyObject, { algorithm: 'HS256', expiresIn: 3600 }),
    verify: () => jwt.verify(token, keyObject, { algorithms: ['HS256'] }),
  },
  {
    name: 'jose (secret bytes)',
    sign: () =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(secretBytes),
    verify: () => jwtVerify(token, secretBytes, { algorithms: ['HS256'] }),
    isAsync: true,
  },
  {
    name: 'jose (CryptoKey)',
    sign: () =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(cryptoKey),
    verify: () => jwtVerify(token, cryptoKey, { algorithms: ['HS256'] }),
    isAsync: true,
  },
]

const best = new Map<string, { sign: number; verify: number }>()
for (let round = 0; round < ROUNDS; round++) {
  // Interleaved rounds, best of each, so a noisy neighbour on a shared machine hurts everyone alike.
  for (const contender of contenders) {
    const sign = await opsPerSecond(contender.sign, contender.isAsync ?? false)
    const verify = await opsPerSecond(contender.verify, contender.isAsync ?? false)
    const previous = best.get(contender.name) ?? { sign: 0, verify: 0 }
    best.set(contender.name, {
      sign: Math.max(previous.sign, sign),
      verify: Math.max(previous.verify, verify),
    })
  }
}

const format = (n: number) => Math.round(n).toLocaleString('en-US').padStart(11)
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`.padStart(7)
const node = best.get('@verified-messenger/signer') ?? { sign: 0, verify: 0 }
const web = best.get('signer, Web Crypto build') ?? { sign: 0, verify: 0 }
// Each build against what it must beat: node:crypto against the bare HMAC (goal 0.8x or more), Web
// Crypto against jose on the same runtime (goal 2x or more).
const baseline = (name: string) =>
  name === '@verified-messenger/signer' || name === 'signer, Web Crypto build'
    ? undefined
    : name.startsWith('jose')
      ? ['Web Crypto build', web]
      : ['node:crypto build', node]

const { Bun, Deno } = globalThis as {
  Bun?: { version: string }
  Deno?: { version: { deno: string } }
}
const runtime = Bun
  ? `bun ${Bun.version}`
  : Deno
    ? `deno ${Deno.version.deno}`
    : `node ${process.version}`
console.log(
  `${runtime}, ${claims.user_id.length}-char id + 3 attributes, token ${token.length} bytes, best of ${ROUNDS} x ${DURATION_MS} ms\n`,
)
console.log(
  `${'contender'.padEnd(28)} ${'signs/s'.padStart(11)} ${'verifies/s'.padStart(11)}   ours vs it (sign / verify)`,
)
for (const [name, result] of best) {
  const against = baseline(name)
  const versus = against
    ? `${(against[0] as string).padEnd(18)} ${ratio((against[1] as typeof node).sign, result.sign)} / ${ratio((against[1] as typeof node).verify, result.verify)}`
    : ''
  console.log(`${name.padEnd(28)} ${format(result.sign)} ${format(result.verify)}   ${versus}`)
}
