import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { type DemoConfig, demoConfigElementId } from '../src/demoConfig'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

/** Sends the built client: its hashed assets as files, every other path as the app's index.html. */
export type ClientHandler = (
  pathname: string,
  config: DemoConfig,
  response: ServerResponse,
) => Promise<void>

/** Serves the Vite build in `clientDir`, embedding the per-request config in index.html. */
export function serveClient(clientDir: string): ClientHandler {
  const root = resolve(clientDir)
  const indexFile = join(root, 'index.html')
  if (!existsSync(indexFile)) {
    throw new Error(
      `[verified-messenger/demo] No client build in ${root}: run \`pnpm --filter @verified-messenger/example-demo build\` first.`,
    )
  }
  const indexHtml = readFileSync(indexFile, 'utf8')

  return async (pathname, config, response) => {
    const file = resolve(root, `.${decodeURIComponent(pathname)}`)
    const isAsset = file.startsWith(`${root}${sep}`) && file !== indexFile && extname(file) !== ''
    const body = isAsset ? await readFile(file).catch(() => undefined) : undefined
    if (body !== undefined) {
      response.writeHead(200, {
        'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'public, max-age=31536000, immutable',
      })
      response.end(body)
      return
    }
    if (isAsset) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    // The page carries who is signed in, so it must never be cached or shared.
    response.writeHead(200, { 'Content-Type': contentTypes['.html'], 'Cache-Control': 'no-store' })
    // Under the strict policy only the app's own script tags (and their preloads) carry the nonce.
    const html = config.cspNonce
      ? indexHtml.replace(/<(script|link rel="modulepreload") /g, `<$1 nonce="${config.cspNonce}" `)
      : indexHtml
    response.end(html.replace('</head>', `${configScript(config)}</head>`))
  }
}

function configScript(config: DemoConfig): string {
  // `<` escaped so no value can close the script element early.
  const json = JSON.stringify(config).replaceAll('<', '\\u003c')
  return `<script type="application/json" id="${demoConfigElementId}">${json}</script>`
}
