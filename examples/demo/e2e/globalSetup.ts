import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import type { TestProject } from 'vitest/node'
import { findChromium } from './findChromium'
import { sourceAlias } from './sourceAlias'

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string
    clientDir: string
    secret: string
  }
}

/** Finds Chromium and builds the client once for every end-to-end test file. */
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
  const previousSecret = process.env.INTERCOM_IDENTITY_SECRET
  process.env.INTERCOM_IDENTITY_SECRET = secret
  try {
    await build({
      root: fileURLToPath(new URL('..', import.meta.url)),
      logLevel: 'warn',
      resolve: { alias: sourceAlias, dedupe: ['react', 'react-dom'] },
      build: { outDir: clientDir, emptyOutDir: true },
    })
  } finally {
    if (previousSecret === undefined) delete process.env.INTERCOM_IDENTITY_SECRET
    else process.env.INTERCOM_IDENTITY_SECRET = previousSecret
  }

  project.provide('chromiumPath', chromiumPath)
  project.provide('clientDir', clientDir)
  project.provide('secret', secret)
  return () => rm(clientDir, { recursive: true, force: true })
}
