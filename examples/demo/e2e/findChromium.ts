import { existsSync } from 'node:fs'

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]

/** The Chromium the end-to-end tests drive: `CHROMIUM_PATH`, else Debian's or Chrome's usual place. */
export function findChromium(): string | undefined {
  return candidates.find((path): path is string => path !== undefined && existsSync(path))
}
