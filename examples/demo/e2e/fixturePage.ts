import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { build, type Rolldown } from 'vite'
import { sourceAlias } from './sourceAlias'

/** The origin fixture pages are served from (by Playwright's router: no server, no socket). */
export const FIXTURE_ORIGIN = 'http://fixture.test'

/** Builds a fixture page's script (an e2e/*.ts entry) for the browser as one IIFE, from the sources. */
export async function buildFixture(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: sourceAlias },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL(entry, import.meta.url)),
        formats: ['iife'],
        name: 'fixture',
      },
    },
  })
  const [output] = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  return output?.output[0].code ?? ''
}

/**
 * Opens a fresh context on a page whose `<head>` loads `head` (paths of `scripts`, in order), with every
 * other path answering 404 but a navigation to any path getting the same page. Records the paths requested.
 */
export async function openFixture(
  browser: Browser,
  scripts: Record<string, string>,
  head: string[],
) {
  const context = await browser.newContext()
  context.setDefaultTimeout(10_000)
  const requested: string[] = []
  await context.route(`${FIXTURE_ORIGIN}/**`, (route) => {
    const request = route.request()
    const { pathname } = new URL(request.url())
    requested.push(pathname)
    const script = scripts[pathname]
    if (script !== undefined) return route.fulfill({ contentType: 'text/javascript', body: script })
    if (request.resourceType() !== 'document') return route.fulfill({ status: 404 })
    const tags = head.map((src) => `<script src="${src}"></script>`).join('')
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head>${tags}</head><body></body></html>`,
    })
  })
  const page = await context.newPage()
  await page.goto(`${FIXTURE_ORIGIN}/`)
  return {
    page,
    requested,
    intercomCookies: async () =>
      (await context.cookies())
        .map(({ name }) => name)
        .filter((name) => name.startsWith('intercom-')),
    close: () => context.close(),
  }
}
