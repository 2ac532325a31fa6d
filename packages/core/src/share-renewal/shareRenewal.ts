import { fetchBody, IDENTITY_TIMEOUT } from '../identity'
import { openTabChannel, type TabChannel } from '../sync-sign-out/openTabChannel'
import type { IdentityRequestContext, IdentityResponse, IdentitySource } from '../types'

/**
 * Milliseconds a tab waits for the renewing tab to share a fresh token before it renews by itself (the
 * renewer may be frozen or gone): 3 s.
 */
export const RENEWAL_WAIT = 3000

/** Without Web Locks, each tab waits a random time up to this many milliseconds; the first renews. */
const JITTER = 1000

/** Options of `shareRenewal`. */
export interface ShareRenewalOptions {
  /** The Messenger's app id; tabs share renewals only with tabs of the same app id. */
  appId: string
}

/** An identity source whose JWT renewals are shared with the other tabs; see `shareRenewal`. */
export interface SharedIdentitySource {
  (context: IdentityRequestContext): Promise<IdentityResponse | null>
  /** Stops sharing: leaves the channel and hands the renewer's role to another tab. Closing the tab does the same. */
  close(): void
}

type Shareable = IdentityResponse & { intercom_user_jwt: string; expires_at: number }

const TOKEN = 'verified-messenger/token'
const ASK = 'verified-messenger/renew'
const RENEWING = 'verified-messenger/renewing'

// A renewed JWT-mode body: only these are shared, and each tab's Messenger still verifies what it takes.
const isShareable = (body: unknown): body is Shareable => {
  const { user_id, intercom_user_jwt, expires_at } = (body ?? {}) as Partial<IdentityResponse>
  return (
    typeof user_id === 'string' &&
    typeof intercom_user_jwt === 'string' &&
    Number.isFinite(expires_at)
  )
}

/**
 * Wraps an identity source so that the tabs of one app id make one JWT renewal request per period between
 * them: one tab (elected with Web Locks; without them, whichever tab's random wait ends first) renews, and
 * the others take its fresh token when their own is due, or at once when they wake up past it. When the
 * renewer closes, another tab takes the role. Boot requests still go to `source` in every tab, so each
 * tab asks who is signed in. Creating it has no side effects; it joins the other tabs on first use.
 * @example
 * const messenger = createMessenger({
 *   appId: 'abc123',
 *   identity: shareRenewal('/api/intercom-identity', { appId: 'abc123' }),
 * })
 */
export const shareRenewal = (
  source: IdentitySource,
  { appId }: ShareRenewalOptions,
): SharedIdentitySource => {
  const name = `verified-messenger:${appId}:renewal`
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  let channel: TabChannel | undefined
  let leader = false
  const resign = new AbortController()
  // The freshest token any tab renewed, and the `exp` of the token this tab's Messenger last took.
  let latest: Shareable | undefined
  let mine = 0
  let renewing: { userId: string; body: Promise<unknown> } | undefined
  // Tabs waiting for a shared token; told `true` when another tab says it is renewing.
  const waiters = new Set<(renewingElsewhere: boolean) => void>()

  const fresher = (userId: string, after: number) =>
    latest?.user_id === userId && latest.expires_at > after && latest.expires_at * 1000 > Date.now()
      ? latest
      : undefined

  const take = (body: Shareable) => {
    latest = body
    for (const waiter of waiters) waiter(false)
  }

  const renew = (userId: string) => {
    if (renewing?.userId !== userId) {
      channel?.post({ type: RENEWING, appId })
      const body = fetchBody(source, {
        userId,
        reason: 'refresh',
        signal: AbortSignal.timeout(IDENTITY_TIMEOUT),
      })
        .then((body: unknown) => {
          if (isShareable(body)) {
            take(body)
            channel?.post({ type: TOKEN, appId, body })
          }
          return body
        })
        .finally(() => {
          if (renewing?.body === body) renewing = undefined
        })
      renewing = { userId, body }
    }
    return renewing.body
  }

  const join = (): TabChannel => {
    const joined = openTabChannel(name, (message) => {
      if (message.appId !== appId) return
      if (message.type === TOKEN && isShareable(message.body)) take(message.body)
      if (message.type === RENEWING) for (const waiter of waiters) waiter(true)
      const { userId, after } = message
      if (message.type === ASK && leader && typeof userId === 'string' && Number.isFinite(after)) {
        const shared = fresher(userId, after as number)
        if (shared) joined.post({ type: TOKEN, appId, body: shared })
        else renew(userId).catch(() => {})
      }
    })
    // Held until the tab closes or close() is called; the next tab in the queue then renews.
    locks
      ?.request(name, { signal: resign.signal }, () => {
        leader = true
        return new Promise((release) => resign.signal.addEventListener('abort', release))
      })
      .catch(() => {})
    return joined
  }

  // Resolves with a token fresher than `after` once a tab shares one, or with `undefined` after `wait` ms.
  const shared = (userId: string, after: number, wait: number, signal: AbortSignal) =>
    new Promise<Shareable | undefined>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout>
      const settle = (body?: Shareable) => {
        clearTimeout(timer)
        waiters.delete(waiter)
        signal.removeEventListener('abort', abort)
        resolve(body)
      }
      const abort = () => {
        settle()
        reject(signal.reason)
      }
      const waiter = (renewingElsewhere: boolean) => {
        const body = fresher(userId, after)
        if (body) settle(body)
        else if (renewingElsewhere) {
          clearTimeout(timer)
          timer = setTimeout(settle, RENEWAL_WAIT)
        }
      }
      waiters.add(waiter)
      signal.addEventListener('abort', abort)
      timer = setTimeout(settle, wait)
    })

  const identity = async (context: IdentityRequestContext) => {
    channel ??= join()
    const { userId, reason, signal } = context
    let body: unknown
    if (reason === 'refresh' && userId !== undefined) {
      body = fresher(userId, mine)
      if (!body && !leader) {
        channel.post({ type: ASK, appId, userId, after: mine })
        body = await shared(userId, mine, locks ? RENEWAL_WAIT : Math.random() * JITTER, signal)
      }
      body ??= await renew(userId)
    } else body = await fetchBody(source, context)
    if (isShareable(body)) mine = body.expires_at
    return body as IdentityResponse | null
  }

  return Object.assign(identity, {
    close() {
      resign.abort()
      channel?.close()
      channel = undefined
      leader = false
    },
  })
}
