import { type DemoConfig, demoConfigElementId } from './demoConfig'

/** Reads the config the server embedded in the page. */
export function readDemoConfig(): DemoConfig {
  const element = document.getElementById(demoConfigElementId)
  if (!element?.textContent) {
    throw new Error(
      '[verified-messenger/demo] The page has no config: open it through the demo server (`pnpm start`), not `vite`.',
    )
  }
  return JSON.parse(element.textContent) as DemoConfig
}
