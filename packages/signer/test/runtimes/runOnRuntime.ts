/**
 * Runs the signer's test vectors and identity-endpoint contract (contractChecks.ts) on real runtimes,
 * against the built package as an app would install it: Node, Bun and Deno import it by name and must get
 * the node:crypto build; workerd (Cloudflare Workers) and Vercel's edge runtime run a bundle made with
 * their export conditions and must get the Web Crypto build. The binaries come from npm (devDependencies).
 *
 * Run: pnpm --filter @verified-messenger/signer run test:runtime [node|bun|deno|workerd|edge-runtime ...]
 */
import { execFile, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { EdgeRuntime } from 'edge-runtime'
import { build } from 'esbuild'
import type { Build, CheckResult } from './contractChecks'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const bin = (name: string) => join(packageDir, 'node_modules', '.bin', name)
const run = promisify(execFile)

/** An app folder outside the repository (no tsconfig paths), with the package in its node_modules. */
const app = mkdtempSync(join(tmpdir(), 'signer-runtimes-'))
mkdirSync(join(app, 'node_modules', '@verified-messenger'), { recursive: true })
symlinkSync(packageDir, join(app, 'node_modules', '@verified-messenger', 'signer'), 'dir')
writeFileSync(join(app, 'package.json'), '{ "type": "module", "private": true }\n')

// The checks as JavaScript in the app folder, importing the package by name (tsconfig paths in the
// repository would point a bundler at the sources instead).
await build({
  entryPoints: [fileURLToPath(new URL('./contractChecks.ts', import.meta.url))],
  outfile: join(app, 'contractChecks.js'),
  format: 'esm',
  logLevel: 'error',
})

/** A script that runs the checks and prints their results as JSON, for runtimes that run files. */
function scriptFor(build_: Build): string {
  const main = join(app, 'main.js')
  writeFileSync(
    main,
    `import { runContractChecks } from './contractChecks.js'\nconsole.log(JSON.stringify(await runContractChecks(${JSON.stringify(build_)})))\n`,
  )
  return main
}

/** One bundle as a deployment tool makes it, resolving the package with the runtime's conditions. */
async function bundleFor(conditions: string[], entry: string): Promise<string> {
  const entryFile = join(app, `${conditions[0]}-entry.js`)
  writeFileSync(entryFile, entry)
  const result = await build({
    entryPoints: [entryFile],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions,
    absWorkingDir: app,
    logLevel: 'error',
  })
  return result.outputFiles[0]?.text ?? ''
}

const webEntry = (register: string) =>
  `import { runContractChecks } from './contractChecks.js'\n${register}`

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.once('error', reject)
  })
}

async function onWorkerd(): Promise<CheckResult[]> {
  const worker = await bundleFor(
    ['workerd', 'worker', 'browser'],
    webEntry(
      "export default { async fetch() { return Response.json(await runContractChecks('Web Crypto')) } }",
    ),
  )
  writeFileSync(join(app, 'worker.js'), worker)
  const port = await freePort()
  writeFileSync(
    join(app, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.js")],
  compatibilityDate = "2026-01-01",
);
`,
  )
  const server = spawn(bin('workerd'), ['serve', join(app, 'config.capnp')], { stdio: 'inherit' })
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        return (await (await fetch(`http://127.0.0.1:${port}/`)).json()) as CheckResult[]
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    throw new Error('workerd did not answer within 10 s')
  } finally {
    server.kill()
  }
}

async function onEdgeRuntime(): Promise<CheckResult[]> {
  const initialCode = await bundleFor(
    ['edge-light', 'worker', 'browser'],
    webEntry(
      "addEventListener('fetch', (event) => event.respondWith(runContractChecks('Web Crypto').then((results) => new Response(JSON.stringify(results)))))",
    ),
  )
  const runtime = new EdgeRuntime({ initialCode })
  const response = await runtime.dispatchFetch('https://edge.test/')
  await response.waitUntil()
  return (await response.json()) as CheckResult[]
}

async function onCli(command: string, args: string[]): Promise<CheckResult[]> {
  const main = scriptFor('node:crypto')
  const { stdout } = await run(command, [...args, main], { cwd: app })
  return JSON.parse(stdout) as CheckResult[]
}

const runtimes: Record<string, () => Promise<CheckResult[]>> = {
  node: () => onCli(process.execPath, []),
  bun: () => onCli(bin('bun'), []),
  deno: () => onCli(bin('deno'), ['run', '--allow-read', '--allow-env']),
  workerd: onWorkerd,
  'edge-runtime': onEdgeRuntime,
}

const chosen = process.argv.slice(2)
const names = chosen.length > 0 ? chosen : Object.keys(runtimes)
let passed = 0
let failed = 0
try {
  for (const name of names) {
    const runOn = runtimes[name]
    if (!runOn)
      throw new Error(`unknown runtime ${name}; pick from ${Object.keys(runtimes).join(', ')}`)
    const started = performance.now()
    let results: CheckResult[]
    try {
      results = await runOn()
    } catch (error) {
      results = [{ name: `runs on ${name}`, error: String(error) }]
    }
    for (const result of results) {
      if (result.error === undefined) passed++
      else failed++
      console.log(
        `${result.error === undefined ? '✓' : '✗'} ${name}: ${result.name}${result.error ? ` (${result.error})` : ''}`,
      )
    }
    console.log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
} finally {
  rmSync(app, { recursive: true, force: true })
}
console.log(`signer on ${names.join(', ')}: ${passed} passed, ${failed} failed`)
process.exitCode = failed > 0 ? 1 : 0
