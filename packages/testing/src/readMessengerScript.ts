import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// `../dist/` from both src/ (tests and the demo run the sources) and dist/ (the published build).
// tsup's shims give the CommonJS build an `import.meta.url` too.
// Joined as a path: under jsdom the global `URL` is jsdom's, which resolves against the page instead.
const scriptPath = join(dirname(fileURLToPath(import.meta.url)), '../dist/messenger.global.js')

/** Reads the fake's browser script from the package build, or explains how to make it. */
export async function readMessengerScript(): Promise<string> {
  try {
    return await readFile(scriptPath, 'utf8')
  } catch (error) {
    throw new Error(
      `[verified-messenger/testing] The fake Messenger's browser script is missing at ${scriptPath}. Build the package first: pnpm --filter @verified-messenger/testing build`,
      { cause: error },
    )
  }
}
