import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

// `../dist/` from both src/ (tests and the demo run the sources) and dist/ (the published build).
// tsup's shims give the CommonJS build an `import.meta.url` too.
const scriptUrl = new URL('../dist/messenger.global.js', import.meta.url)

/** Reads the fake's browser script from the package build, or explains how to make it. */
export async function readMessengerScript(): Promise<string> {
  try {
    return await readFile(scriptUrl, 'utf8')
  } catch (error) {
    throw new Error(
      `[verified-messenger/testing] The fake Messenger's browser script is missing at ${fileURLToPath(scriptUrl)}. Build the package first: pnpm --filter @verified-messenger/testing build`,
      { cause: error },
    )
  }
}
