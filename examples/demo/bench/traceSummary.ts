import { readFileSync } from 'node:fs'

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  args?: { data?: { type?: string; url?: string; requestId?: string } }
}

/**
 * Where one traced run went, from a Chromium trace: the click, the widget script's request and last byte,
 * and its run, in ms.
 */
export function summarizeTrace(path: string): string {
  const { traceEvents } = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] }
  const find = (name: string, test: (event: TraceEvent) => boolean = () => true) =>
    traceEvents.find((event) => event.name === name && test(event))
  const isWidget = (event: TraceEvent) => /\/widget\//.test(event.args?.data?.url ?? '')
  const click = find('EventDispatch', (event) => event.args?.data?.type === 'click')
  const request = find('ResourceSendRequest', isWidget)
  const requestId = request?.args?.data?.requestId
  const lastByte = find('ResourceFinish', (event) => event.args?.data?.requestId === requestId)
  const run = find('EvaluateScript', isWidget)
  if (!click || !request || !lastByte || !run)
    return '  (the trace lacks the click or the widget script)'
  const ms = (us = 0) => `${(us / 1000).toFixed(1)} ms`
  return [
    `  click handler ran ${ms(click.dur)} (React re-renders inside it, after the SDK's work)`,
    `  click -> widget script requested:        ${ms(request.ts - click.ts)}`,
    `  requested -> its last byte:              ${ms(lastByte.ts - request.ts)} (the server's delay included)`,
    `  last byte -> the script starts running:  ${ms(run.ts - lastByte.ts)}`,
    `  the script running (the fake Messenger): ${ms(run.dur)} (it takes the boot, then draws its panel)`,
  ].join('\n')
}
