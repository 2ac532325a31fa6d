// @vitest-environment node
import { createRequire } from 'node:module'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { featureEntries } from '../../entryPoints.ts'

// The built package as `require()` loads it (Jest, older Next setups): Node resolves every name here,
// React included, so the test sees what those apps see, not the sources the test aliases point at.
// `pnpm test` builds first.
const require = createRequire(import.meta.url)
const entry = (subpath: string) => require(`@verified-messenger/react/${subpath}`)
const { createElement: h }: typeof import('react') = require('react')
const { renderToString }: typeof import('react-dom/server') = require('react-dom/server')
const {
  IntercomProvider,
}: typeof import('@verified-messenger/react') = require('@verified-messenger/react')

const appId = 'app1'
const identity = 'https://app.test/api/intercom-identity'

/** How an app uses an entry point: provider props made with it, or a child calling its hook. */
interface Use {
  props?: Record<string, unknown>
  child?: () => unknown
}

const uses: Record<string, () => Use> = {
  'sync-sign-out': () => {
    const { useSyncSignOut }: typeof import('@verified-messenger/react/sync-sign-out') =
      entry('sync-sign-out')
    return { child: () => useSyncSignOut({ appId }) }
  },
  'share-renewal': () => {
    const { shareRenewal }: typeof import('@verified-messenger/react/share-renewal') =
      entry('share-renewal')
    return { props: { identity: shareRenewal(identity, { appId }) } }
  },
  'tcf-consent': () => {
    const { tcfConsent }: typeof import('@verified-messenger/react/tcf-consent') =
      entry('tcf-consent')
    return { props: { consent: tcfConsent() } }
  },
  'onetrust-consent': () => {
    const { oneTrustConsent }: typeof import('@verified-messenger/react/onetrust-consent') =
      entry('onetrust-consent')
    return { props: { consent: oneTrustConsent() } }
  },
  'cookiebot-consent': () => {
    const { cookiebotConsent }: typeof import('@verified-messenger/react/cookiebot-consent') =
      entry('cookiebot-consent')
    return { props: { consent: cookiebotConsent() } }
  },
  'usercentrics-consent': () => {
    const { usercentricsConsent }: typeof import('@verified-messenger/react/usercentrics-consent') =
      entry('usercentrics-consent')
    return { props: { consent: usercentricsConsent() } }
  },
  'didomi-consent': () => {
    const { didomiConsent }: typeof import('@verified-messenger/react/didomi-consent') =
      entry('didomi-consent')
    return { props: { consent: didomiConsent({ vendor: 'intercom' }) } }
  },
  'page-views': () => {
    const { usePageViews }: typeof import('@verified-messenger/react/page-views') =
      entry('page-views')
    return { child: () => usePageViews() }
  },
  launcher: () => {
    const { IntercomLauncher }: typeof import('@verified-messenger/react/launcher') =
      entry('launcher')
    return { child: () => h(IntercomLauncher) }
  },
}

// Calls `use` as a component would: a hook's result is nothing to render.
function Child({ use }: { use?: Use['child'] }) {
  return (use?.() ?? null) as ReactNode
}

describe('@verified-messenger/react under require()', () => {
  it('has a use below for every entry point', () => {
    expect(Object.keys(uses).sort()).toEqual(Object.keys(featureEntries.react ?? {}).sort())
  })

  it.each(Object.keys(uses))('%s works inside the main entry’s IntercomProvider', (subpath) => {
    const { props, child } = (uses[subpath] as () => Use)()
    const html = renderToString(
      h(IntercomProvider, { appId, ...props }, h(Child, { use: child }), h('p', null, 'rendered')),
    )
    expect(html).toContain('rendered')
  })
})
