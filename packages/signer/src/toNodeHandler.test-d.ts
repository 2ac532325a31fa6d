import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  createIdentityHandler,
  type IdentityHandler,
  type NodeHandlerContext,
  toNodeHandler,
} from '@verified-messenger/signer'
import { expectTypeOf, test } from 'vitest'

/** What Express adds to node's request, as far as these tests care. */
interface ExpressLikeRequest extends IncomingMessage {
  session: { user?: { id: string; email: string } }
}

test("getUser's context is typed from its annotation, and the adapter takes that request type", () => {
  const handler = createIdentityHandler({
    secret: 'secret',
    getUser: (_request, { req }: NodeHandlerContext<ExpressLikeRequest>) =>
      req.session.user ? { user_id: req.session.user.id, email: req.session.user.email } : null,
  })
  expectTypeOf(handler).toEqualTypeOf<IdentityHandler<NodeHandlerContext<ExpressLikeRequest>>>()
  const middleware = toNodeHandler(handler)
  expectTypeOf(middleware).parameter(0).toEqualTypeOf<ExpressLikeRequest>()
  expectTypeOf(middleware).parameter(1).toEqualTypeOf<ServerResponse>()
})

test('the handler is a Next.js route handler: (Request, context) => Promise<Response>', () => {
  const GET = createIdentityHandler({
    secret: process.env.INTERCOM_IDENTITY_SECRET,
    getUser: () => null,
  })
  expectTypeOf(GET).toBeCallableWith(new Request('http://app.test/'), {
    params: Promise.resolve({}),
  })
  expectTypeOf(GET).returns.toEqualTypeOf<Promise<Response>>()
})

test("the handler takes the request alone, as Hono's handler(c.req.raw) and Deno.serve(handler) call it", () => {
  const handler = createIdentityHandler({ secret: 'secret', getUser: () => null })
  expectTypeOf(handler).toBeCallableWith(new Request('http://app.test/'))
  const serve = (fetch: (request: Request) => Promise<Response>) => fetch
  serve(handler)
})

test('a handler whose getUser reads { req, res } cannot be called without them', () => {
  const handler = createIdentityHandler({
    secret: 'secret',
    getUser: (_request, { req }: NodeHandlerContext<ExpressLikeRequest>) =>
      req.session.user ? { user_id: req.session.user.id } : null,
  })
  // @ts-expect-error: getUser needs the context that toNodeHandler passes
  handler(new Request('http://app.test/'))
})

test('getUser must return Intercom claim names', () => {
  createIdentityHandler({
    secret: 'secret',
    // @ts-expect-error: Intercom's name is user_id
    getUser: () => ({ userId: '1' }),
  })
  createIdentityHandler({
    secret: 'secret',
    // @ts-expect-error: attributes must be JSON values
    getUser: () => ({ user_id: '1', signedUpAt: new Date() }),
  })
})
