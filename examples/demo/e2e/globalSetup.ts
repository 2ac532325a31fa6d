import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { build } from 'vite'
import type { TestProject } from 'vitest/node'
import { findChromium } from './findChromium'
import { chromiumFlags } from './launchChromium'
import { sourceAlias } from './sourceAlias'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's endpoint: test files connect to it instead of launching their own. */
    chromiumEndpoint: string
    clientDir: string
    secret: string
  }
}

/**
 * Builds the client and starts one Chromium for every end-to-end test file (each test opens its own
 * isolated context in it): launching a browser per file cost seconds each, and tested nothing.
 */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium()
  if (!chromiumPath) {
    const error = new Error(
      '[verified-messenger/demo] No Chromium for the end-to-end tests: run `apt-get install -y chromium` (or set CHROMIUM_PATH).',
    )
    error.stack = error.message
    throw error
  }

  // The build runs with the secret in its environment, as a careless CI would, to prove it stays out.
  const secret = randomBytes(32).toString('base64url')
  const clientDir = await mkdtemp(join(tmpdir(), 'verified-messenger-demo-'))
  // The browser gets the environment as it was: the secret is the server's, never the browser's.
  const browser = chromium.launchServer({
    executablePath: chromiumPath,
    args: chromiumFlags,
    env: Object.fromEntries(
      Object.entries(process.env).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    ),
  })
  const previousSecret = process.env.INTERCOM_IDENTITY_SECRET
  process.env.INTERCOM_IDENTITY_SECRET = secret
  try {
    await build({
      root: fileURLToPath(new URL('..', import.meta.url)),
      logLevel: 'warn',
      resolve: { alias: sourceAlias, dedupe: ['react', 'react-dom'] },
      build: { outDir: clientDir, emptyOutDir: true },
    })
  } catch (error) {
    await (await browser).close()
    throw error
  } finally {
    if (previousSecret === undefined) delete process.env.INTERCOM_IDENTITY_SECRET
    else process.env.INTERCOM_IDENTITY_SECRET = previousSecret
  }

  const server = await browser
  project.provide('chromiumEndpoint', server.wsEndpoint())
  project.provide('clientDir', clientDir)
  project.provide('secret', secret)
  return async () => {
    await server.close()
    await rm(clientDir, { recursive: true, force: true })
  }
}
