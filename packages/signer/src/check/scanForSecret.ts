import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type CheckResult, fail, pass } from './CheckResult'
import { secretForms } from './secretForms'

/** Where a form of the secret was found. */
interface Hit {
  file: string
  offset: number
  form: string
}

/** Hits listed in a report; the count says how many more there are. */
const LISTED_HITS = 5

/**
 * Searches every file under `dir` for the secret, as is and hex- or base64-encoded, and reports the file
 * (under `dir` as given) and byte offset of each hit, never the secret. Symbolic links are not followed.
 */
export function scanForSecret(dir: string, secret: string): CheckResult {
  const name = 'holds neither the secret nor its hex or base64 forms'
  let hits: Hit[]
  let files: number
  try {
    ;({ hits, files } = scan(dir, secretForms(secret)))
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error)
    return fail(
      dir,
      name,
      `cannot read it (${code})`,
      'Pass the folder your build writes (.next, dist, build), after building.',
    )
  }
  if (hits.length === 0) return pass(dir, name, `${files} files`)
  const listed = hits
    .slice(0, LISTED_HITS)
    .map((hit) => `${hit.file} at byte ${hit.offset} (${hit.form})`)
  const more = hits.length > LISTED_HITS ? `, and ${hits.length - LISTED_HITS} more` : ''
  return fail(
    dir,
    name,
    `found in ${listed.join(', ')}${more}`,
    'Read the secret only in server code at request time (never in a NEXT_PUBLIC_ or VITE_ variable, a bundler define or client code), rebuild, and rotate the secret in Intercom: this build may have shipped it.',
  )
}

function scan(dir: string, forms: ReturnType<typeof secretForms>) {
  const hits: Hit[] = []
  let files = 0
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (entry.isFile()) {
        files++
        const contents = readFileSync(path)
        for (const form of forms) {
          const offset = contents.indexOf(form.bytes)
          if (offset !== -1) {
            hits.push({ file: path, offset, form: form.name })
            break
          }
        }
      }
    }
  }
  visit(dir)
  return { hits, files }
}
