import type { CheckResult } from './CheckResult'
import { checkEndpoint } from './checkEndpoint'
import { scanForSecret } from './scanForSecret'

/** What `verified-messenger check` checks. */
export interface CheckOptions {
  /** The identity endpoints to ask (the same app's App Router and Pages Router routes, say). */
  urls: string[]
  /** Request headers that carry the session of `userId` (`--cookie`, `--header`). */
  credentials: Record<string, string>
  /** The user whose session `credentials` carry (`--user-id`); needed when `urls` is not empty. */
  userId: string
  /** The longest lifetime a token may have left, in seconds (`--max-age`). */
  maxAge: number
  /** Build output folders that must not hold the secret (`--scan`). */
  scan: string[]
  secret: string
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number
}

/** Runs every check and returns one result per line of the report, folders first. */
export async function runCheck(options: CheckOptions): Promise<CheckResult[]> {
  const scans = options.scan.map((dir) => scanForSecret(dir, options.secret))
  const endpoints = await Promise.all(
    options.urls.map((url) =>
      checkEndpoint(url, {
        credentials: options.credentials,
        userId: options.userId,
        maxAge: options.maxAge,
        secret: options.secret,
        now: (options.now ?? Date.now)(),
      }),
    ),
  )
  return [...scans, ...endpoints.flat()]
}
