import { installFakeMessenger } from './installFakeMessenger'
import { renderMessengerPanel } from './renderMessengerPanel'
import type { FakeMessenger } from './types'

// The browser script, served like widget.intercom.io/widget/<app_id>: it reads its app id and API base
// from its own URL (`<apiBase>/widget/<appId>`), as the real widget knows its app from the path.
const source = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : ''
const match = /^(.*)\/widget\/([^/?#]+)/.exec(source)

const fake = installFakeMessenger({
  ...(match?.[1] !== undefined && { apiBase: match[1] }),
  ...(match?.[2] !== undefined && { appId: decodeURIComponent(match[2]) }),
})
;(window as unknown as { __fakeIntercom: FakeMessenger }).__fakeIntercom = fake

if (document.body) renderMessengerPanel(fake, document)
else document.addEventListener('DOMContentLoaded', () => renderMessengerPanel(fake, document))
