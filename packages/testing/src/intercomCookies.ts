// The widget keeps the visitor and device for about nine months and a session for a week.
const NINE_MONTHS = 270 * 24 * 60 * 60
const ONE_WEEK = 7 * 24 * 60 * 60

function randomId(): string {
  // getRandomValues, not randomUUID: the latter is missing outside secure contexts (a LAN dev server).
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function readCookie(document: Document, name: string): string | undefined {
  for (const pair of document.cookie.split(';')) {
    const [key, ...value] = pair.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

function writeCookie(document: Document, name: string, value: string, maxAge: number) {
  document.cookie = `${name}=${value};path=/;max-age=${maxAge};SameSite=Lax`
}

/**
 * Sets `intercom-id-<app>` and `intercom-device-id-<app>` (kept when present) and a new
 * `intercom-session-<app>`, as the widget does on boot. Returns the visitor id.
 */
export function setIntercomCookies(document: Document, appId: string): string {
  const visitorId = readCookie(document, `intercom-id-${appId}`) ?? randomId()
  writeCookie(document, `intercom-id-${appId}`, visitorId, NINE_MONTHS)
  const deviceId = readCookie(document, `intercom-device-id-${appId}`) ?? randomId()
  writeCookie(document, `intercom-device-id-${appId}`, deviceId, NINE_MONTHS)
  writeCookie(document, `intercom-session-${appId}`, randomId(), ONE_WEEK)
  return visitorId
}

/** Clears `intercom-session-<app>` and `intercom-id-<app>` as `shutdown` does; the device id stays. */
export function clearIntercomCookies(document: Document, appId: string): void {
  writeCookie(document, `intercom-session-${appId}`, '', 0)
  writeCookie(document, `intercom-id-${appId}`, '', 0)
}
