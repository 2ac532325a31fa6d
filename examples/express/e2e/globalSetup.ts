import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { TestProject } from 'vitest/node'
import { findChromium } from '../../demo/e2e/findChromium'

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string
    clientDir: string
    secret: string
  }
}

/** Finds Chromium and builds the client once, as `pnpm build` does, with the secret in the env. */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium()
  if (!chromiumPath) {
    throw new Error(
      '[verified-messenger/express] No Chromium for the end-to-end tests: run `apt-get install -y chromium` (or set CHROMIUM_PATH).',
    )
  }
  const secret = randomBytes(32).toString('base64url')
  const clientDir = await mkdtemp(join(tmpdir(), 'verified-messenger-express-'))
  await build({
    entryPoints: [fileURLToPath(new URL('../client/main.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    outfile: join(clientDir, 'client.js'),
    logLevel: 'error',
    define: { 'process.env.INTERCOM_IDENTITY_SECRET': JSON.stringify(secret) },
  })
  project.provide('chromiumPath', chromiumPath)
  project.provide('clientDir', clientDir)
  project.provide('secret', secret)
  return () => rm(clientDir, { recursive: true, force: true })
}
