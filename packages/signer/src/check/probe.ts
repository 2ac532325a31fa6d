/** What an endpoint answered to one request. */
export interface Answer {
  status: number
  headers: Headers
  text: string
  /** The body parsed as a JSON object, or `undefined` when it is empty or not one. */
  json: Record<string, unknown> | undefined
}

/** How long one request may take before the check gives up on it. */
const TIMEOUT_MS = 15_000

/**
 * Sends one request and reads the whole answer. Redirects are not followed: a redirect to a sign-in page
 * is an answer to report, not a page to load.
 */
export async function probe(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: parseObject(text) }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** A network failure in words: Node's fetch hides the reason (ECONNREFUSED, a timeout) in `cause`. */
export function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error.name === 'TimeoutError') return `no answer in ${TIMEOUT_MS / 1000} s`
  const cause = error.cause
  if (cause instanceof Error) return 'code' in cause ? String(cause.code) : cause.message
  return error.message
}
