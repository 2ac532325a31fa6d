import type { AddressInfo } from 'node:net'
import { signIntercomJwt, toNodeHandler } from '@verified-messenger/signer'
import { createFakeIntercom } from '@verified-messenger/testing/server'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const secret = 'express-body-test-secret-0123456789abcdef'

/** Echoes what a Fetch handler sees of the request body. */
const echo = toNodeHandler(
  async (request) =>
    new Response(
      JSON.stringify({
        type: request.headers.get('content-type'),
        body: await request.text(),
      }),
    ),
)

let origin: string
let close: () => Promise<void>

beforeAll(async () => {
  const app = express()
  // Every body parser an Express app is likely to have in front of the handlers.
  app.use(express.json())
  app.use(express.text())
  app.use(express.raw({ type: 'application/octet-stream' }))
  app.post('/echo', echo)
  app.all(
    '/fake-intercom/*path',
    toNodeHandler(createFakeIntercom({ secret, basePath: '/fake-intercom' })),
  )
  app.put('/unparsed', echo)
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => new Promise((resolve) => server.close(() => resolve()))
})
afterAll(() => close())

const post = (path: string, type: string, body: string | Uint8Array<ArrayBuffer>) =>
  fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': type }, body })

describe('toNodeHandler behind Express body parsers', () => {
  it('hands the handler the JSON that express.json() already parsed', async () => {
    const response = await post('/echo', 'application/json', '{"user_id":"7","tags":["a"]}')
    expect(response.status).toBe(200)
    const seen = await response.json()
    expect(seen.type).toBe('application/json')
    expect(JSON.parse(seen.body)).toEqual({ user_id: '7', tags: ['a'] })
  })

  it('hands the handler the string that express.text() read', async () => {
    const response = await post('/echo', 'text/plain', 'hello ✓')
    expect(await response.json()).toEqual({ type: 'text/plain', body: 'hello ✓' })
  })

  it('hands the handler the bytes that express.raw() read', async () => {
    const response = await post(
      '/echo',
      'application/octet-stream',
      new TextEncoder().encode('raw ✓'),
    )
    expect((await response.json()).body).toBe('raw ✓')
  })

  it('streams a body no parser claimed', async () => {
    const response = await fetch(`${origin}/unparsed`, {
      method: 'PUT',
      headers: { 'content-type': 'application/x-custom' },
      body: 'left for the handler',
    })
    expect((await response.json()).body).toBe('left for the handler')
  })

  it("lets the fake Messenger's identity check read the boot settings after express.json()", async () => {
    const token = signIntercomJwt({ user_id: 'user-7' }, secret)
    const response = await post(
      '/fake-intercom/messenger/web/ping',
      'application/json',
      JSON.stringify({ app_id: 'fake-app', user_id: 'user-7', intercom_user_jwt: token }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ verified: true, user_id: 'user-7' })
  })
})
