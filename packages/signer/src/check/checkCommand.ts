import { UsageError } from '../UsageError'
import type { CheckOptions } from './runCheck'

/** A day: longer than any session a Messenger token should outlive (Intercom recommends 1-2 h). */
const DEFAULT_MAX_AGE = 24 * 60 * 60

/** `verified-messenger check`: its usage line, summary, parseArgs options and help. */
export const checkCommand = {
  usage:
    'verified-messenger check [<url>...] [--cookie <cookie>] [--header <name: value>] [--user-id <id>] [--max-age <seconds>] [--scan <dir>]... [--json] [--secret-file <path>]',
  summary:
    'Check a deployed identity endpoint against the contract and token policy, and build folders for the secret.',
  options: {
    cookie: { type: 'string', multiple: true },
    header: { type: 'string', multiple: true },
    'user-id': { type: 'string' },
    'max-age': { type: 'string' },
    scan: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  help: `
Checks, one line each (✓ or ✗, and what to do for each ✗); exit 0 only when all pass, 1 when one fails:
  the endpoint, for each <url>:
    without credentials: 204 (or 401), no body naming anyone, Cache-Control: no-store
    with --cookie/--header: 200, user_id = --user-id, Cache-Control: no-store
    the token: HS256, verifies with the secret, signs --user-id, has exp at most --max-age
      (default ${DEFAULT_MAX_AGE} s) ahead, expires_at = exp, iat not in the future; lists the signed claims
      (or, in legacy mode, user_hash = HMAC-SHA256 of user_id with the secret)
    no shared cache may store an answer; a user_id in the query string or a request body is ignored;
    POST, PUT, PATCH and DELETE get 405; no Access-Control-Allow-Origin: * and no credentialed
    CORS for a foreign origin
  each --scan folder: holds neither the secret nor its hex, base64 or base64url forms (file and byte
    offset of each hit; the secret is never printed)

--cookie and --header carry the session of a test user (a credential: keep them in your CI's secrets).
--json prints { ok, passed, failed, checks: [{ subject, name, ok, detail, fix }] } instead.

Example:
  INTERCOM_IDENTITY_SECRET=... verified-messenger check https://staging.example.com/api/intercom/identity \\
    --cookie "session=$TEST_SESSION" --user-id 123 --scan .next

In GitHub Actions, after your staging deploy:
  - run: npm ci && npm run build
    env:
      INTERCOM_IDENTITY_SECRET: \${{ secrets.INTERCOM_IDENTITY_SECRET }}
  - run: >-
      npx verified-messenger check https://staging.example.com/api/intercom/identity
      --cookie "session=$TEST_SESSION" --user-id "$TEST_USER_ID" --scan .next
    env:
      INTERCOM_IDENTITY_SECRET: \${{ secrets.INTERCOM_IDENTITY_SECRET }}
      TEST_SESSION: \${{ secrets.STAGING_TEST_SESSION }}
      TEST_USER_ID: '123'
`,
} as const

/** The check's options from the parsed command line; a `UsageError` says what is missing. */
export function checkOptionsFrom(
  values: Record<string, string | string[] | boolean | undefined>,
  urls: string[],
  secret: string,
): CheckOptions {
  const scan = (values.scan as string[] | undefined) ?? []
  if (urls.length === 0 && scan.length === 0) {
    throw usage('check needs an endpoint <url>, a --scan <dir>, or both.')
  }
  for (const url of urls) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw usage(`${url} is not an http(s) URL.`)
    }
  }
  const credentials = headersFrom(values)
  const userId = values['user-id'] as string | undefined
  if (urls.length > 0 && (userId === undefined || Object.keys(credentials).length === 0)) {
    throw usage(
      'checking an endpoint needs a test user: --cookie or --header with their session, and --user-id with their id.',
    )
  }
  const maxAge = values['max-age'] as string | undefined
  if (maxAge !== undefined && !/^\d+$/.test(maxAge)) {
    throw usage('--max-age must be a whole number of seconds.')
  }
  return {
    urls,
    credentials,
    userId: userId ?? '',
    maxAge: maxAge === undefined ? DEFAULT_MAX_AGE : Number(maxAge),
    scan,
    secret,
  }
}

function headersFrom(values: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const header of (values.header as string[] | undefined) ?? []) {
    const colon = header.indexOf(':')
    // Not echoed: a header passed here usually carries a credential.
    if (colon <= 0) throw usage('each --header must be "Name: value".')
    headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim()
  }
  const cookies = (values.cookie as string[] | undefined) ?? []
  if (cookies.length > 0) {
    headers.cookie = [headers.cookie, ...cookies].filter(Boolean).join('; ')
  }
  return headers
}

function usage(message: string): UsageError {
  return new UsageError(`[verified-messenger/signer] ${message}\nUsage: ${checkCommand.usage}`)
}
