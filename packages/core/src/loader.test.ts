import { createMessenger } from '@verified-messenger/core'
import { describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  callsTo,
  failLoading,
  finishLoading,
  installWidget,
  jwtBody,
  WIDGET_URL,
  widgetScripts,
} from './test/fakePage'

describe('loader', () => {
  it('adds one script tag however often boot is called and however many Messengers exist', async () => {
    const first = createMessenger({ appId: APP_ID })
    const second = createMessenger({ appId: APP_ID })
    first.boot()
    first.boot()
    second.boot()
    expect(widgetScripts()).toHaveLength(1)
    expect(widgetScripts()[0]?.src).toBe(WIDGET_URL)
    expect(widgetScripts()[0]?.async).toBe(true)
  })

  it('reuses a window.Intercom already on the page instead of adding a script', async () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    messenger.boot()
    await messenger.ready()
    expect(widgetScripts()).toHaveLength(0)
    expect(callsTo('boot')).toEqual([['boot', { app_id: APP_ID }]])
  })

  it('reuses a widget script tag already in the HTML and queues calls for it on the stub', () => {
    const script = document.createElement('script')
    script.src = WIDGET_URL
    document.head.appendChild(script)
    createMessenger({ appId: APP_ID }).boot()
    expect(widgetScripts()).toHaveLength(1)
    finishLoading()
    expect(callsTo('boot')).toEqual([['boot', { app_id: APP_ID }]])
  })

  it('loads the script from scriptUrl with the nonce and crossOrigin', () => {
    createMessenger({
      appId: APP_ID,
      scriptUrl: 'https://cdn.example.com/intercom.js',
      cspNonce: 'n0nce',
      crossOrigin: 'anonymous',
    }).boot()
    const [script] = [...document.scripts]
    expect(script?.src).toBe('https://cdn.example.com/intercom.js')
    expect(script?.nonce).toBe('n0nce')
    expect(script?.crossOrigin).toBe('anonymous')
  })

  it.each([
    ['us', 'https://api-iam.intercom.io'],
    ['eu', 'https://api-iam.eu.intercom.io'],
    ['au', 'https://api-iam.au.intercom.io'],
  ] as const)('sets api_base for the %s region', (region, apiBase) => {
    installWidget()
    createMessenger({ appId: APP_ID, region }).boot()
    expect(callsTo('boot')[0]?.[1]).toMatchObject({ api_base: apiBase })
  })

  it('lets apiBase override the region', () => {
    installWidget()
    createMessenger({ appId: APP_ID, region: 'eu', apiBase: 'https://proxy.example.com' }).boot()
    expect(callsTo('boot')[0]?.[1]).toMatchObject({ api_base: 'https://proxy.example.com' })
  })

  it('queues calls on the snippet stub until the script runs, then the widget gets them in order', () => {
    const messenger = createMessenger({ appId: APP_ID })
    messenger.boot({ name: 'Ada' })
    expect((window as { Intercom?: { q?: unknown[] } }).Intercom?.q?.[0]).toEqual([
      'boot',
      { app_id: APP_ID, name: 'Ada' },
    ])
    finishLoading()
    expect(callsTo('boot')).toHaveLength(1)
  })

  it('reports status booted and calls onLoad once the script has loaded', async () => {
    const onLoad = vi.fn()
    const messenger = createMessenger({ appId: APP_ID, onLoad })
    messenger.boot()
    expect(messenger.getSnapshot().status).toBe('loading')
    finishLoading()
    await messenger.ready()
    expect(messenger.getSnapshot().status).toBe('booted')
    expect(onLoad).toHaveBeenCalledOnce()
  })

  it('reports SCRIPT_LOAD_FAILED through onLoadFailed, status and ready(), and a later boot retries', async () => {
    const onLoadFailed = vi.fn()
    const messenger = createMessenger({ appId: APP_ID, onLoadFailed })
    messenger.boot()
    messenger.trackEvent('signed-up')
    const ready = messenger.ready()
    failLoading()
    await expect(ready).rejects.toMatchObject({ code: 'SCRIPT_LOAD_FAILED' })
    expect(onLoadFailed).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'SCRIPT_LOAD_FAILED' }),
    )
    expect(messenger.getSnapshot()).toMatchObject({
      status: 'error',
      error: { code: 'SCRIPT_LOAD_FAILED' },
    })
    expect(widgetScripts()).toHaveLength(0)
    expect(window.Intercom).toBeUndefined()

    messenger.boot()
    expect(widgetScripts()).toHaveLength(1)
    finishLoading()
    await messenger.ready()
    expect(messenger.getSnapshot()).toMatchObject({ status: 'booted', error: null })
    expect(callsTo('trackEvent')).toEqual([['trackEvent', 'signed-up']])
  })

  it('hardShutdown removes the script and the Intercom global so the next boot loads afresh', async () => {
    const messenger = createMessenger({ appId: APP_ID })
    messenger.boot()
    finishLoading()
    await messenger.ready()
    messenger.hardShutdown()
    expect(callsTo('shutdown')).toHaveLength(1)
    expect(widgetScripts()).toHaveLength(0)
    expect(window.Intercom).toBeUndefined()
    messenger.boot()
    expect(widgetScripts()).toHaveLength(1)
  })

  it('tries a script that fails while the identity request runs once per boot, and reports it', async () => {
    let inserted = 0
    const observer = new MutationObserver((records) => {
      for (const { addedNodes } of records) {
        inserted += [...addedNodes].filter((node) => (node as Element).tagName === 'SCRIPT').length
      }
    })
    observer.observe(document.head, { childList: true })
    let answer = (_body: unknown) => {}
    const messenger = createMessenger({
      appId: APP_ID,
      identity: () => new Promise((resolve) => (answer = resolve as typeof answer)),
    })
    const boot = messenger.boot({ userId: '42' })
    await Promise.resolve()
    failLoading()
    answer(jwtBody('42'))
    await boot
    await expect(messenger.ready()).rejects.toMatchObject({ code: 'SCRIPT_LOAD_FAILED' })
    await Promise.resolve()
    observer.disconnect()
    expect(inserted).toBe(1)
  })
})
