import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'

/** The identity endpoint tests point Messengers at. */
export const IDENTITY_URL = 'https://app.test/api/intercom-identity'
export const APP_ID = 'app123'
export const WIDGET_URL = `https://widget.intercom.io/widget/${APP_ID}`

/** msw server for the identity endpoint; each test installs its answers with `server.use`. */
export const server = setupServer()

type Win = Window & {
  Intercom?: unknown
  intercomSettings?: unknown
  __verifiedMessenger?: unknown
}
const win = () => window as Win

/** Every call the page made to `window.Intercom`, in order, as `[method, ...args]`. */
export const intercomCalls: unknown[][] = []

/** The calls of one method, e.g. `callsTo('boot')`. */
export const callsTo = (method: string) => intercomCalls.filter(([name]) => name === method)

/** Intercom callbacks the page registered (`onShow`, ...), to fire them like the widget would. */
export const intercomCallbacks: Record<string, (...args: unknown[]) => void> = {}

const recorder = (...args: unknown[]) => {
  intercomCalls.push(args)
  const [method, arg] = args
  if (typeof method === 'string' && method.startsWith('on') && typeof arg === 'function') {
    intercomCallbacks[method] = arg as (...args: unknown[]) => void
  }
  return method === 'getVisitorId' ? 'visitor-1' : undefined
}

/** The official snippet already ran: `window.Intercom` is the (recording) widget. */
export const installWidget = () => {
  win().Intercom = recorder
}

/** The widget script tags on the page. */
export const widgetScripts = () =>
  [...document.querySelectorAll('script')].filter((s) => s.src.includes('widget'))

/** Plays the widget script arriving: it replays the stub's queue, takes over `window.Intercom`, fires `load`. */
export const finishLoading = () => {
  const queued = (win().Intercom as { q?: unknown[][] } | undefined)?.q ?? []
  installWidget()
  for (const args of queued) recorder(...args)
  for (const script of widgetScripts()) script.dispatchEvent(new Event('load'))
}

/** Plays the widget script failing to load (blocked, offline). */
export const failLoading = () => {
  for (const script of widgetScripts()) script.dispatchEvent(new Event('error'))
}

/** Sets cookies the way a page (or the Intercom widget) does, e.g. `'a=1;path=/;domain=example.com'`. */
export const setCookies = (...cookies: string[]) => {
  // biome-ignore lint/suspicious/noDocumentCookie: jsdom has no Cookie Store API.
  for (const cookie of cookies) document.cookie = cookie
}

/** A fresh page: no Intercom, no settings, no scripts, no cookies, no storage, no recorded calls. */
export const resetPage = () => {
  for (const script of document.querySelectorAll('script')) script.remove()
  delete win().Intercom
  delete win().intercomSettings
  delete win().__verifiedMessenger
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]?.trim()
    if (name)
      setCookies(`${name}=;path=/;max-age=0`, `${name}=;path=/;max-age=0;domain=example.com`)
  }
  localStorage.clear()
  intercomCalls.length = 0
  for (const key of Object.keys(intercomCallbacks)) delete intercomCallbacks[key]
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** An HS256-shaped token with these claims; core reads claims and never checks the signature. */
export const fakeJwt = (claims: Record<string, unknown>) =>
  `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`

/** Seconds since the epoch, `seconds` from now. */
export const inSeconds = (seconds: number) => Math.floor(Date.now() / 1000) + seconds

/** A JWT-mode endpoint body for `userId`, valid for an hour unless `exp` says otherwise. */
export const jwtBody = (userId: string, exp = inSeconds(3600)) => ({
  user_id: userId,
  intercom_user_jwt: fakeJwt({ user_id: userId, exp }),
  expires_at: exp,
})

/** Answers the identity endpoint with `respond` and counts the requests. */
export const identityEndpoint = (respond: () => Response | Promise<Response>) => {
  const hits = { count: 0 }
  server.use(
    http.get(IDENTITY_URL, () => {
      hits.count++
      return respond()
    }),
  )
  return hits
}

export { HttpResponse }

declare global {
  interface Window {
    Intercom?: unknown
    intercomSettings?: unknown
  }
}
