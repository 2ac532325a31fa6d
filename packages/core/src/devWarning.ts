/**
 * Prints a tagged warning. Call it only inside `if (process.env.NODE_ENV !== 'production')`: bundlers
 * replace that condition with `false` in production builds and drop the whole branch, message included,
 * which keeps the warnings' text out of the bytes users download.
 */
export const devWarning = (message: string): void => {
  console.warn(`[verified-messenger/core] ${message}`)
}
