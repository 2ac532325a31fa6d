import {
  createIdentityHandler,
  type NodeHandlerContext,
  toNodeHandler,
} from '@verified-messenger/signer'
import type { NextApiRequest } from 'next'
import { findSessionUser, SESSION_COOKIE } from '../../../app/session'

/**
 * The same identity endpoint as a Pages Router API route (`/api/pages-router/intercom-identity`), for
 * apps that have not moved to the App Router: `toNodeHandler` adapts the Fetch handler to `(req, res)`,
 * and `getUser` reads Next's parsed `req.cookies`.
 */
export default toNodeHandler(
  createIdentityHandler({
    secret: process.env.INTERCOM_IDENTITY_SECRET,
    getUser: (_request, { req }: NodeHandlerContext<NextApiRequest>) =>
      findSessionUser(req.cookies[SESSION_COOKIE]),
    expiresIn: 30 * 60,
  }),
)
