import { startDemoServer } from './startDemoServer'

// `pnpm start`: the fake Messenger unless both Intercom variables are set.
const appId = process.env.INTERCOM_APP_ID
const secret = process.env.INTERCOM_IDENTITY_SECRET
if (appId && !secret) {
  console.error(
    '[verified-messenger/demo] INTERCOM_APP_ID is set but INTERCOM_IDENTITY_SECRET is not: set both to use your Intercom workspace, or neither for the fake Messenger.',
  )
  process.exit(1)
}

const server = await startDemoServer({
  port: Number(process.env.PORT ?? 3000),
  ...(appId && secret ? { intercom: { appId, secret } } : {}),
})
const messenger = appId ? `Intercom app ${appId}` : 'the fake Messenger (no INTERCOM_APP_ID set)'
console.log(`Verified Messenger demo on ${server.url} with ${messenger}. Ctrl+C to stop.`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().finally(() => process.exit(0))
  })
}
