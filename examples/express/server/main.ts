import { createApp } from './createApp'

const port = Number(process.env.PORT ?? 3000)
createApp({ secret: process.env.INTERCOM_IDENTITY_SECRET }).listen(port, '127.0.0.1', () => {
  console.log(`verified-messenger Express example on http://127.0.0.1:${port}`)
})
