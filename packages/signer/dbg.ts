import { SignJWT, jwtVerify } from 'jose'
import * as web from './src/web/index'
const secret = 'bench-messenger-secret-0123456789abcdef'
const claims = { user_id: '1234567', email: 'ada@example.com', name: 'Ada Lovelace', plan: 'pro' }
const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
const token = await web.signIntercomJwt(claims, secret)
async function time(name: string, f: () => Promise<unknown>) {
  const t = performance.now(); for (let i = 0; i < 3000; i++) await f(); console.log(name, Math.round(3000 / ((performance.now() - t) / 1000)))
}
for (let r = 0; r < 2; r++) {
  await time('web sign', () => web.signIntercomJwt(claims, secret))
  await time('jose sign', () => new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().setExpirationTime('1h').sign(key))
  await time('raw subtle.sign', () => crypto.subtle.sign('HMAC', key, new TextEncoder().encode(token)))
  await time('web verify', () => web.verifyIntercomJwt(token, secret))
  await time('jose verify', () => jwtVerify(token, key))
}
