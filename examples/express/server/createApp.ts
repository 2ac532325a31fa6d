import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import {
  createIdentityHandler,
  type NodeHandlerContext,
  toNodeHandler,
} from '@verified-messenger/signer'
import { createFakeIntercom } from '@verified-messenger/testing/server'
import express from 'express'
import session from 'express-session'

/** What this app keeps in a session. */
declare module 'express-session' {
  interface SessionData {
    userId?: string
  }
}

/** The example's users, as your user store would have them. */
export const users: Record<string, { id: string; email: string; name: string }> = {
  'user-ada': { id: 'user-ada', email: 'ada@example.com', name: 'Ada Lovelace' },
}

/** Where the app serves the fake Messenger (script and identity check) instead of Intercom's. */
export const fakeIntercom = { appId: 'express-app', basePath: '/fake-intercom' } as const

/** Options of `createApp`; all optional. */
export interface AppOptions {
  /** The Messenger secret; default a random one per process (the fake Messenger checks with it). */
  secret?: string
  /** The built client (`pnpm build`); default `examples/express/dist`. */
  clientDir?: string
}

/**
 * An Express 5 app as a real one is laid out: a body parser for every route, a cookie session, a
 * sign-in API, the identity endpoint, and the fake Messenger in place of Intercom.
 *
 * @example
 * createApp({ secret: process.env.INTERCOM_IDENTITY_SECRET }).listen(3000)
 */
export function createApp(options: AppOptions = {}): express.Express {
  const secret = options.secret ?? randomBytes(32).toString('base64url')
  const clientDir = options.clientDir ?? fileURLToPath(new URL('../dist', import.meta.url))
  const app = express()
  // Before every route, as most Express apps have it: toNodeHandler reads what it parsed.
  app.use(express.json())
  app.use(
    session({
      secret: randomBytes(32).toString('base64url'),
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax' },
    }),
  )

  app.get('/api/me', (req, res) => {
    res.json({ user: (req.session.userId && users[req.session.userId]) || null })
  })
  app.post('/api/session', (req, res) => {
    const user = users[String(req.body?.userId)]
    if (!user) return void res.status(400).json({ error: 'Pick one of the example users.' })
    req.session.regenerate(() => {
      req.session.userId = user.id
      res.json({ user })
    })
  })
  app.delete('/api/session', (req, res) => {
    req.session.destroy(() => res.json({ user: null }))
  })

  // Every method, so POST and the rest get the handler's 405 with Allow rather than Express's 404.
  app.all(
    '/api/intercom/identity',
    toNodeHandler(
      createIdentityHandler({
        secret,
        getUser: (_request, { req }: NodeHandlerContext<express.Request>) => {
          const user = req.session.userId ? users[req.session.userId] : undefined
          return user ? { user_id: user.id, email: user.email, name: user.name } : null
        },
      }),
    ),
  )
  // Its boot check is a JSON POST, which express.json() above has already read.
  app.use(fakeIntercom.basePath, toNodeHandler(createFakeIntercom({ secret, ...fakeIntercom })))

  app.use('/assets', express.static(clientDir, { immutable: true, maxAge: '1y' }))
  app.get('/', (_req, res) => {
    res.set('Cache-Control', 'no-store').type('html').send(page)
  })
  return app
}

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>verified-messenger with Express</title>
    <script type="module" src="/assets/client.js"></script>
  </head>
  <body>
    <h1>verified-messenger + Express</h1>
    <p id="session">Reading your session…</p>
    <p>Messenger: <strong id="messenger">not started</strong></p>
  </body>
</html>
`
