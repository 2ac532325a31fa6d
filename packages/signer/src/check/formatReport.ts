import type { CheckResult } from './CheckResult'

/** The report for a terminal: the checks under their subject, ✓ or ✗ each, what to do for each ✗, a summary. */
export function formatReport(results: readonly CheckResult[]): string {
  const lines: string[] = []
  let subject: string | undefined
  for (const result of results) {
    if (result.subject !== subject) {
      subject = result.subject
      lines.push(`${lines.length > 0 ? '\n' : ''}${subject}`)
    }
    const detail = result.detail === undefined ? '' : `: ${result.detail}`
    lines.push(`  ${result.ok ? '✓' : '✗'} ${result.name}${detail}`)
    if (result.fix !== undefined) lines.push(`      fix: ${result.fix}`)
  }
  const { passed, failed } = count(results)
  lines.push(
    '',
    failed === 0
      ? `All ${passed} checks passed.`
      : `${failed} of ${passed + failed} checks failed: fix each ✗ above, then run this again.`,
  )
  return `${lines.join('\n')}\n`
}

/** The report for machines: `{ ok, passed, failed, checks }`. */
export function formatJsonReport(results: readonly CheckResult[]): string {
  const { passed, failed } = count(results)
  return `${JSON.stringify({ ok: failed === 0, passed, failed, checks: results }, null, 2)}\n`
}

function count(results: readonly CheckResult[]) {
  const passed = results.filter((result) => result.ok).length
  return { passed, failed: results.length - passed }
}
