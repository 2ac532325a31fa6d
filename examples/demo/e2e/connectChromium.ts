import { type Browser, chromium } from 'playwright-core'
import { inject } from 'vitest'

/**
 * Connects to the Chromium the global setup started. Closing the returned browser closes this file's
 * contexts and the connection, not the shared browser.
 */
export function connectChromium(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'))
}
