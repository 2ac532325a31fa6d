/**
 * Deletes this app's `intercom-*` cookies (`intercom-id-<appId>`, `intercom-session-<appId>`, ...).
 * Intercom may set them on any parent domain, so each cookie is expired on every one of them.
 */
export const deleteIntercomCookies = (appId: string): void => {
  const labels = location.hostname.split('.')
  const domains = ['', ...labels.map((_, i) => `;domain=${labels.slice(i).join('.')}`)]
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]?.trim() ?? ''
    if (name.startsWith('intercom-') && name.endsWith(`-${appId}`)) {
      // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in older Safari and Firefox.
      for (const domain of domains) document.cookie = `${name}=;path=/;max-age=0${domain}`
    }
  }
}
