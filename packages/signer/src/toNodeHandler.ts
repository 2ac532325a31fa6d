import type { IncomingMessage, ServerResponse } from 'node:http'

/** What a handler served through `toNodeHandler` gets as its second argument: Node's own request and response. */
export interface NodeHandlerContext<Req extends IncomingMessage = IncomingMessage> {
  req: Req
  res: ServerResponse
}

/** A node:http request listener that is also Express middleware. */
export type NodeHandler<Req extends IncomingMessage = IncomingMessage> = (
  req: Req,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void

/**
 * Serves a Fetch API handler (such as `createIdentityHandler`'s) on node:http or Express. The handler's
 * second argument is `{ req, res }`, so `getUser` can read an Express session or `req.user`.
 *
 * @example
 * app.get('/api/intercom/identity', toNodeHandler(createIdentityHandler({
 *   secret: process.env.INTERCOM_IDENTITY_SECRET,
 *   getUser: (_request, { req }: NodeHandlerContext<express.Request>) =>
 *     req.user ? { user_id: req.user.id, email: req.user.email } : null,
 * })))
 */
export function toNodeHandler<Req extends IncomingMessage = IncomingMessage>(
  handler: (request: Request, context: NodeHandlerContext<Req>) => Promise<Response>,
): NodeHandler<Req> {
  return (req, res, next) => {
    respond(handler, req, res).catch((error: unknown) => {
      if (next) return next(error)
      // Half a response must not look like a whole one.
      if (res.headersSent) return void res.destroy()
      res.writeHead(500, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      })
      res.end('{"error":"internal_error"}')
    })
  }
}

async function respond<Req extends IncomingMessage>(
  handler: (request: Request, context: NodeHandlerContext<Req>) => Promise<Response>,
  req: Req,
  res: ServerResponse,
): Promise<void> {
  const response = await handler(toRequest(req), { req, res })
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, headers)
  if (response.body && req.method !== 'HEAD') {
    const reader = response.body.getReader()
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      res.write(chunk.value)
  }
  res.end()
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  // Express rewrites req.url below a mount point; originalUrl is what the browser asked for.
  const path = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/'
  const protocol = (req.socket as { encrypted?: boolean } | undefined)?.encrypted ? 'https' : 'http'
  const url = new URL(path, `${protocol}://${req.headers.host ?? 'localhost'}`)
  const method = req.method ?? 'GET'
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers })
  return new Request(url, { method, headers, ...requestBody(req, headers) } as RequestInit)
}

/**
 * The body of a request with one. A body parser (`express.json()`, `express.text()`, `express.raw()`)
 * reads the stream and leaves `req.body`: a string, bytes, or the parsed JSON, serialised again. A
 * stream someone else drained has nothing left to read.
 */
function requestBody(req: IncomingMessage, headers: Headers): RequestInit {
  const { body } = req as { body?: unknown }
  if (typeof body === 'string' || body instanceof Uint8Array) {
    headers.delete('content-length')
    return { body: body as string | Uint8Array<ArrayBuffer> }
  }
  if (body !== undefined && body !== null && typeof body === 'object') {
    // express.json() and friends set an empty object when the content type was not theirs: the stream
    // is then still unread.
    if (!req.readableEnded && Object.keys(body).length === 0) return streamOf(req)
    headers.delete('content-length')
    headers.set('content-type', 'application/json')
    return { body: JSON.stringify(body) }
  }
  if (req.readableEnded) return {}
  return streamOf(req)
}

function streamOf(req: IncomingMessage): RequestInit {
  const stream = (
    ReadableStream as unknown as { from: (source: AsyncIterable<Uint8Array>) => ReadableStream }
  ).from(req)
  return { body: stream, duplex: 'half' } as RequestInit
}
