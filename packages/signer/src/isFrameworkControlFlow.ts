/**
 * Digests of the errors Next.js throws to steer rendering, as its `unstable_rethrow` recognises them:
 * `redirect()` (`NEXT_REDIRECT;...`), `notFound()`/`forbidden()`/`unauthorized()`
 * (`NEXT_HTTP_ERROR_FALLBACK;404`...), and the prerender bail-outs `cookies()` and `headers()` raise
 * at build time (`DYNAMIC_SERVER_USAGE`, `NEXT_PRERENDER_INTERRUPTED` with cacheComponents on,
 * `HANGING_PROMISE_REJECTION`, `BAILOUT_TO_CLIENT_SIDE_RENDERING`).
 */
const CONTROL_FLOW_DIGESTS = new Set([
  'DYNAMIC_SERVER_USAGE',
  'NEXT_PRERENDER_INTERRUPTED',
  'HANGING_PROMISE_REJECTION',
  'BAILOUT_TO_CLIENT_SIDE_RENDERING',
])
const CONTROL_FLOW_PREFIXES = ['NEXT_REDIRECT;', 'NEXT_HTTP_ERROR_FALLBACK;']
const REACT_POSTPONE = Symbol.for('react.postpone')

/**
 * Whether `error` is a framework's control flow rather than a failure: it must reach the framework, not
 * become a logged 500. Follows `cause`, as Next's `unstable_rethrow` does, a few levels deep.
 */
export function isFrameworkControlFlow(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false
  const { digest, $$typeof } = error as { digest?: unknown; $$typeof?: unknown }
  if ($$typeof === REACT_POSTPONE) return true
  if (typeof digest === 'string') {
    if (CONTROL_FLOW_DIGESTS.has(digest)) return true
    if (CONTROL_FLOW_PREFIXES.some((prefix) => digest.startsWith(prefix))) return true
  }
  return (
    error instanceof Error && 'cause' in error && isFrameworkControlFlow(error.cause, depth + 1)
  )
}
