import { createFakeIntercom } from '@verified-messenger/testing/server'
import { http } from 'msw'
import { setupServer } from 'msw/node'

export const SECRET = 'test-messenger-secret-0123456789abcdef'
export const APP_ID = 'app123'
/** Where the fake's server side is mounted, as `api_base` and the script's folder. */
export const API_BASE = 'https://intercom.test/fake'

/** Every request that reached the fake's server side, in order. */
export const received: Request[] = []

const handler = createFakeIntercom({ secret: SECRET, appId: APP_ID, basePath: '/fake' })

/** msw serving createFakeIntercom's handler at API_BASE, as a dev server would. */
export const server = setupServer(
  http.all(`${API_BASE}/*`, ({ request }) => {
    received.push(request.clone())
    return handler(request)
  }),
)
