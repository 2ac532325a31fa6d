/** One line of a `verified-messenger check` report. */
export interface CheckResult {
  /** What the check looked at: the endpoint's URL, or the scanned folder. */
  subject: string
  /** What holds when the check passes, e.g. "answers 204 or 401 without credentials". */
  name: string
  ok: boolean
  /** What was seen: why it failed, or a note on a pass. Never the secret. */
  detail?: string
  /** What to do about a failure. */
  fix?: string
}

/** A passed check, with an optional note. */
export function pass(subject: string, name: string, detail?: string): CheckResult {
  return detail === undefined ? { subject, name, ok: true } : { subject, name, ok: true, detail }
}

/** A failed check: what was seen and what to do. */
export function fail(subject: string, name: string, detail: string, fix: string): CheckResult {
  return { subject, name, ok: false, detail, fix }
}

/** `pass` when `problem` is `undefined`, else `fail` with it as the detail. */
export function expectNo(
  problem: string | undefined,
  subject: string,
  name: string,
  fix: string,
): CheckResult {
  return problem === undefined ? pass(subject, name) : fail(subject, name, problem, fix)
}
