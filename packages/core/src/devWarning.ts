/**
 * Prints a tagged warning. Call it only as
 * `try { if (process.env.NODE_ENV !== 'production') devWarning(...) } catch {}`:
 * bundlers replace that condition with `false` in production builds and drop the whole block, message
 * included, which keeps the warnings' text out of the bytes users download. The `try` is for a browser
 * loading the ESM build without a bundler, where `process` does not exist: it then behaves as production.
 * (A `typeof process` guard would fold away too, but it would also silence the warnings in Vite and
 * webpack dev servers, which replace `process.env.NODE_ENV` and leave `process` undefined.)
 */
export const devWarning = (message: string): void => {
  console.warn(`[verified-messenger/core] ${message}`)
}
