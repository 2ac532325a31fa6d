import { fetchBody } from '../identity'
import type { IdentityRequestContext, IdentityResponse, IdentitySource } from '../types'

/** Milliseconds a prefetched identity stays usable: long enough for a hover to become a click. */
export const PREFETCH_MAX_AGE = 30_000

/** An identity source that can ask ahead of the boot; made by `prefetchIdentity`. */
export interface PrefetchedIdentity {
  (context: IdentityRequestContext): Promise<IdentityResponse | null>
  /** Asks the endpoint now; the next boot for the same `userId` (within 30 s) takes this answer. */
  prefetch(userId?: string): void
}

/**
 * Wraps an identity source so the identity can be requested before the boot (on hover, say) and handed
 * to it: the boot then makes no request of its own. An answer is used once, only for the same `userId`,
 * and only within `PREFETCH_MAX_AGE`; renewals and retries always ask afresh, and core checks the answer
 * as it checks any other.
 * @example
 * const identity = prefetchIdentity('/api/intercom/identity')
 * const messenger = createMessenger({ appId: 'abc123', identity })
 * button.addEventListener('pointerenter', () => identity.prefetch(user.id))
 */
export const prefetchIdentity = (source: IdentitySource): PrefetchedIdentity => {
  let early: { userId?: string; at: number; answer: Promise<IdentityResponse | null> } | undefined
  // The prefetched answer, when it was asked for this user recently enough.
  const usable = (userId?: string) =>
    early && early.userId === userId && Date.now() - early.at < PREFETCH_MAX_AGE
      ? early.answer
      : undefined
  const identity = ((context) => {
    const answer = context.reason === 'boot' ? usable(context.userId) : undefined
    early = undefined
    return answer ?? fetchBody(source, context)
  }) as PrefetchedIdentity
  identity.prefetch = (userId) => {
    if (usable(userId)) return
    const answer = fetchBody(source, {
      userId,
      reason: 'boot',
      signal: new AbortController().signal,
    })
    // Nobody may await a prefetch; its failure reaches the boot that takes it.
    answer.catch(() => {})
    early = { userId, at: Date.now(), answer }
  }
  return identity
}
