/** The directives of a Cache-Control-like header, lowercased, without their values. */
function directives(value: string | null): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((directive) => directive.split('=')[0]?.trim().toLowerCase() ?? '')
      .filter(Boolean),
  )
}

/** Why the answer lacks `Cache-Control: no-store`, or `undefined` when it has it. */
export function noStoreProblem(headers: Headers): string | undefined {
  const value = headers.get('cache-control')
  if (directives(value).has('no-store')) return undefined
  return value === null ? 'no Cache-Control header' : `Cache-Control: ${value}`
}

// Headers CDNs read instead of Cache-Control (RFC 9213 and the vendors' own).
const CDN_HEADERS = [
  'cdn-cache-control',
  'surrogate-control',
  'cloudflare-cdn-cache-control',
  'vercel-cdn-cache-control',
]

/** Why a shared cache (CDN, proxy) may store the answer, or `undefined` when none may. */
export function sharedCacheProblem(headers: Headers): string | undefined {
  const age = headers.get('age')
  if (age !== null) return `it came from a cache (Age: ${age})`
  const value = headers.get('cache-control')
  const cacheControl = directives(value)
  if (cacheControl.has('public') || cacheControl.has('s-maxage')) {
    return `Cache-Control: ${value} lets shared caches store it`
  }
  if (!cacheControl.has('no-store') && !cacheControl.has('private')) {
    return value === null
      ? 'no Cache-Control header: a shared cache may store it by its own rules'
      : `Cache-Control: ${value} has neither no-store nor private`
  }
  for (const name of CDN_HEADERS) {
    const cdn = headers.get(name)
    if (cdn === null) continue
    const cdnDirectives = directives(cdn)
    if (!cdnDirectives.has('no-store') && !cdnDirectives.has('private')) {
      return `${name}: ${cdn} lets a CDN store it`
    }
  }
  return undefined
}
