import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { findChromium } from '../../demo/e2e/findChromium'

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string
    /** Where `next start` serves the example, e.g. `http://127.0.0.1:41234`. */
    origin: string
    secret: string
  }
}

/** The app id the build inlines: the Messenger's script is then `https://widget.intercom.io/widget/e2e-app`. */
export const E2E_APP_ID = 'e2e-app'

const exampleDir = fileURLToPath(new URL('..', import.meta.url))
const next = fileURLToPath(new URL('../node_modules/.bin/next', import.meta.url))

/** A port nothing listens on at the moment on 127.0.0.1. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const { port } = probe.address() as { port: number }
  probe.close()
  await once(probe, 'close')
  return port
}

/** Runs `next <args>` in the example, with the example's output kept for the error if it fails. */
function runNext(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output: () => string } {
  const child = spawn(next, args, {
    cwd: exampleDir,
    // Its own process group, so the teardown ends `next start` and the workers it forks.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  return { child, output: () => output }
}

/** Builds the example once (`next build`), starts it (`next start`) with a fresh secret, finds Chromium. */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium()
  if (!chromiumPath) {
    throw new Error(
      '[verified-messenger/example-nextjs] No Chromium for the end-to-end tests: run `apt-get install -y chromium` (or set CHROMIUM_PATH).',
    )
  }

  // The app id is inlined at build time; the secret is read by the server when it starts, and only there.
  const build = runNext(['build'], { NEXT_PUBLIC_INTERCOM_APP_ID: E2E_APP_ID })
  const [code] = await once(build.child, 'exit')
  if (code !== 0) {
    throw new Error(
      `[verified-messenger/example-nextjs] next build failed (exit ${code}):\n${build.output()}`,
    )
  }

  const secret = randomBytes(32).toString('base64url')
  const port = await freePort()
  const server = runNext(['start', '-H', '127.0.0.1', '-p', String(port)], {
    INTERCOM_IDENTITY_SECRET: secret,
  })
  await new Promise<void>((ready, fail) => {
    server.child.stdout?.on('data', () => {
      if (/Ready in/.test(server.output())) ready()
    })
    server.child.on('exit', (exitCode) =>
      fail(
        new Error(
          `[verified-messenger/example-nextjs] next start exited (${exitCode}) before it was ready:\n${server.output()}`,
        ),
      ),
    )
  })

  project.provide('chromiumPath', chromiumPath)
  project.provide('origin', `http://127.0.0.1:${port}`)
  project.provide('secret', secret)
  return async () => {
    if (server.child.exitCode !== null) return
    const exited = once(server.child, 'exit')
    process.kill(-(server.child.pid as number), 'SIGTERM')
    await exited
  }
}
