import Module, { createRequire } from 'node:module'
import { dirname } from 'node:path'

/**
 * pnpm links react-dom-18 and Testing Library to React 19 (the `react` their parent depends on), so a
 * CommonJS `require('react')` inside them would load React 19 next to React 18. In the `react@18`
 * project this sends every CommonJS `react`/`react-dom` request to the 18 copies; ESM imports are
 * aliased in the root vitest.config.ts.
 */
const requireHere = createRequire(import.meta.url)
const redirects = [
  [/^react(?=$|\/)/, dirname(requireHere.resolve('react-18/package.json'))],
  [/^react-dom(?=$|\/)/, dirname(requireHere.resolve('react-dom-18/package.json'))],
] as const

type Resolve = (request: string, ...rest: unknown[]) => string
const loader = Module as unknown as { _resolveFilename: Resolve }
const resolveFilename = loader._resolveFilename
loader._resolveFilename = (request, ...rest) => {
  const redirect = redirects.find(([name]) => name.test(request))
  return resolveFilename(redirect ? request.replace(redirect[0], redirect[1]) : request, ...rest)
}
