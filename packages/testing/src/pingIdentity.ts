import type { RefusalCode } from './identityRefusal'
import type { FakeRefusal, FakeUser } from './types'

/** The fake server's answer to a boot, as the browser side acts on it. */
export type PingVerdict =
  | { kind: 'verified'; user: FakeUser }
  | { kind: 'anonymous' }
  | { kind: 'refused'; refusal: FakeRefusal }

interface PingAnswer {
  verified?: unknown
  anonymous?: unknown
  user_id?: unknown
  email?: unknown
  name?: unknown
  code?: unknown
  error?: unknown
}

const optionalString = (value: unknown) => (typeof value === 'string' ? value : undefined)

/**
 * Posts the boot settings to `${apiBase}/messenger/web/ping`, as the real widget does, and reads the
 * verdict. Only the server can say who the user is: the browser never holds the secret.
 */
export async function pingIdentity(
  fetchFn: typeof fetch,
  apiBase: string,
  settings: Record<string, unknown>,
  signal: AbortSignal,
): Promise<PingVerdict> {
  const url = `${apiBase.replace(/\/+$/, '')}/messenger/web/ping`
  let status: number
  let answer: PingAnswer
  try {
    const response = await fetchFn(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(settings),
      signal,
    })
    status = response.status
    answer = (await response.json()) as PingAnswer
  } catch (error) {
    if (signal.aborted) throw error
    return unreachable(url, error instanceof Error ? error.message : String(error))
  }
  if (status === 200 && answer?.verified === true) {
    const userId = optionalString(answer.user_id) ?? null
    const email = optionalString(answer.email)
    const name = optionalString(answer.name)
    return {
      kind: 'verified',
      user: { userId, ...(email !== undefined && { email }), ...(name !== undefined && { name }) },
    }
  }
  if (status === 200 && answer?.anonymous === true) return { kind: 'anonymous' }
  if ((status === 401 || status === 403) && typeof answer?.error === 'string') {
    const code = (optionalString(answer.code) ?? 'ERR_IDENTITY_MISSING') as RefusalCode
    return { kind: 'refused', refusal: { code, message: answer.error } }
  }
  return unreachable(url, `HTTP ${status}`)
}

function unreachable(url: string, reason: string): PingVerdict {
  return {
    kind: 'refused',
    refusal: {
      code: 'ERR_PING_FAILED',
      message: `[verified-messenger/testing] The identity check at ${url} failed (${reason}), so the user was not booted. Serve createFakeIntercom's handler there (with msw in unit tests), or install with enforceIdentity: false.`,
    },
  }
}
