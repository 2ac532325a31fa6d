import type { Answer } from './probe'

/**
 * Why a page on `foreignOrigin` could read the answers with the user's cookies (or anyone could read them
 * at all), or `undefined` when none of `answers` allows it.
 */
export function corsProblem(
  answers: ReadonlyArray<readonly [label: string, answer: Answer]>,
  foreignOrigin: string,
): string | undefined {
  for (const [label, { headers }] of answers) {
    const allowOrigin = headers.get('access-control-allow-origin')
    if (allowOrigin === '*') return `Access-Control-Allow-Origin: * on the ${label} answer`
    const credentials = headers.get('access-control-allow-credentials')?.toLowerCase() === 'true'
    if (credentials && (allowOrigin === foreignOrigin || allowOrigin === 'null')) {
      return `the ${label} answer allows ${allowOrigin} with Access-Control-Allow-Credentials: true`
    }
  }
  return undefined
}
