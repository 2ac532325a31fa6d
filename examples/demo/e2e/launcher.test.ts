import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  fakeCalls,
  fakePaths,
  identityPath,
  useDemo,
  type Visitor,
  waitForVerified,
} from './demoHarness'

/** Every request the page made to the Messenger's host (the fake is mounted under this path). */
const widgetHostRequests = ({ requests }: Visitor) =>
  requests.filter((request) => new URL(request.url()).pathname.startsWith('/fake-intercom/'))

/** A signed-in visitor who accepted the chat on an earlier visit. */
async function returningVisitor(visit: () => Promise<Visitor>): Promise<Visitor> {
  const visitor = await visit()
  await visitor.signInAs('user_ada')
  await visitor.context.addInitScript(() => localStorage.setItem('demo-consent', 'granted'))
  return visitor
}

const ourLauncher = (page: Page) => page.getByRole('button', { name: 'Open Intercom Messenger' })

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

/** axe-core's default rules over the launcher and its live region: each violation and where. */
async function launcherViolations(page: Page): Promise<string[]> {
  // Evaluated, not a script tag: it runs whatever the page's own policy says.
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: unknown) => Promise<AxeResults> }
    }
    const { violations } = await axe.run({
      include: [['body > button'], ['body > [role="status"]']],
    })
    return violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target).join()}`)
  })
}

/** Holds the widget script back until `release()`, so the launcher stays in its loading state. */
async function holdScript(page: Page): Promise<() => void> {
  let release = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(`**${fakePaths.script}`, async (route) => {
    await held
    await route.continue()
  })
  return release
}

/** Where the keyboard is: our launcher, the fake's (Intercom's) launcher, inside its dialog, or nowhere. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return 'body'
    const label = element.getAttribute('aria-label') ?? element.textContent
    if (element.closest('[role="dialog"]')) return `dialog: ${label}`
    if (element.matches('.intercom-lightweight-app-launcher')) return `intercom launcher: ${label}`
    return `page: ${label}`
  })
}

/**
 * Samples, on every frame, the launcher drawn at the point of ours: its box and colour. A handover
 * without layout shift or colour flash has one sample value from the click to the end.
 */
function watchLauncherCorner(page: Page, x: number, y: number): Promise<void> {
  return page.evaluate(
    ({ px, py }) => {
      const seen = new Set<string>()
      ;(window as unknown as { __corner: Set<string> }).__corner = seen
      const sample = () => {
        const button = document.elementFromPoint(px, py)?.closest('button')
        const box = button?.getBoundingClientRect()
        seen.add(
          button && box
            ? `${box.x},${box.y},${box.width},${box.height} ${getComputedStyle(button).backgroundColor}`
            : 'nothing',
        )
        requestAnimationFrame(sample)
      }
      sample()
    },
    { px: x, py: y },
  )
}

describe('click-to-load launcher', () => {
  const demo = useDemo()

  it('makes no request to the widget host and asks for no identity before the visitor shows intent', async () => {
    const visitor = await returningVisitor(demo.visit)
    await visitor.page.goto('/?launcher', { waitUntil: 'networkidle' })

    await ourLauncher(visitor.page).waitFor()
    expect(widgetHostRequests(visitor)).toEqual([])
    expect(visitor.requestsTo(identityPath)).toHaveLength(0)
    expect(await visitor.intercomCookies()).toEqual([])
    expect(await visitor.page.evaluate(() => 'Intercom' in window)).toBe(false)
  })

  it('one click opens a verified Messenger, and the real launcher takes over in place', async () => {
    const visitor = await returningVisitor(demo.visit)
    const { page, requestsTo } = visitor
    await page.goto('/?launcher', { waitUntil: 'networkidle' })
    const launcher = ourLauncher(page)
    const box = await launcher.boundingBox()
    if (!box) throw new Error('the launcher is not drawn')
    await watchLauncherCorner(page, box.x + box.width / 2, box.y + 4)

    await launcher.click()
    await page.waitForFunction(() => window.__fakeIntercom?.state.isOpen === true)
    await waitForVerified(page, 'user_ada')
    await launcher.waitFor({ state: 'detached' })

    expect(requestsTo(fakePaths.script)).toHaveLength(1)
    expect(requestsTo(identityPath)).toHaveLength(1)
    const boots = await fakeCalls(page, 'boot')
    expect(boots).toHaveLength(1)
    expect(boots[0]).toMatchObject({ user_id: 'user_ada', intercom_user_jwt: expect.any(String) })
    // Ours and then the real one: the same box in the same colour on every frame, never the page.
    const corner = await page.evaluate(() => [
      ...(window as unknown as { __corner: Set<string> }).__corner,
    ])
    expect(corner).toEqual([`${box.x},${box.y},${box.width},${box.height} rgb(0, 113, 178)`])
    const real = await page.locator('.intercom-lightweight-app-launcher').boundingBox()
    expect(real).toEqual(box)
  })

  it('hover fetches the script and identity ahead, and the click boots without asking again', async () => {
    const visitor = await returningVisitor(demo.visit)
    const { page, requestsTo } = visitor
    await page.goto('/?launcher=hover', { waitUntil: 'networkidle' })

    const identityAnswered = page.waitForResponse((response) =>
      response.url().endsWith(identityPath),
    )
    await ourLauncher(page).hover()
    await identityAnswered
    expect(requestsTo(fakePaths.script)).toHaveLength(1)
    expect(await fakeCalls(page, 'boot')).toHaveLength(0)

    await ourLauncher(page).click()
    await page.waitForFunction(() => window.__fakeIntercom?.state.isOpen === true)
    await waitForVerified(page, 'user_ada')
    expect(requestsTo(identityPath)).toHaveLength(1)
    expect(requestsTo(fakePaths.script)).toHaveLength(1)
  })

  it('says so when the script is blocked, instead of spinning', async () => {
    const visitor = await returningVisitor(demo.visit)
    const { page } = visitor
    await page.route(`**${fakePaths.script}`, (route) => route.abort('blockedbyclient'))
    await page.goto('/?launcher', { waitUntil: 'networkidle' })

    await ourLauncher(page).click()
    const failed = page.getByRole('button', { name: 'The chat could not load. Try again?' })
    await failed.waitFor()
    expect(await failed.getAttribute('aria-busy')).toBe('false')
    expect(await failed.textContent()).toBe('The chat could not load. Try again?')
    expect(await page.evaluate(() => '__fakeIntercom' in window)).toBe(false)
    expect(await launcherViolations(page)).toEqual([])
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('The chat could not load. Try again?')
  })

  it('while consent is pending loads nothing on a click and hands it to the app (the banner)', async () => {
    const visitor = await demo.visit()
    await visitor.signInAs('user_ada')
    const { page, requestsTo } = visitor
    await page.goto('/?launcher=hover', { waitUntil: 'networkidle' })

    await ourLauncher(page).hover()
    await ourLauncher(page).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Accept')
    await page.waitForLoadState('networkidle')
    expect(widgetHostRequests(visitor)).toEqual([])
    expect(requestsTo(identityPath)).toHaveLength(0)
    expect(await visitor.intercomCookies()).toEqual([])
  })

  it('passes axe while idle, with an unread count and while loading, and says what it opens', async () => {
    const visitor = await returningVisitor(demo.visit)
    const { page } = visitor
    const release = await holdScript(page)
    await page.goto('/?launcher&unread=2', { waitUntil: 'networkidle' })

    const launcher = page.getByRole('button', { name: 'Open Intercom Messenger, 2 unread' })
    expect(await launcher.getAttribute('aria-haspopup')).toBe('dialog')
    expect(await page.getByRole('status').textContent()).toBe('2 unread')
    expect(await launcherViolations(page)).toEqual([])

    await launcher.click()
    await page.locator('body > button[aria-busy="true"]').waitFor()
    expect(await launcherViolations(page)).toEqual([])
    release()
    await waitForVerified(page, 'user_ada')
  })

  it('keeps the keyboard: Tab, Enter into the Messenger, Escape to its launcher, Space reopens', async () => {
    const visitor = await returningVisitor(demo.visit)
    const { page } = visitor
    await page.goto('/?launcher', { waitUntil: 'networkidle' })
    await ourLauncher(page).waitFor()
    // The launcher comes last on the page: Tab from the page's last control reaches it.
    await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#root a[href], #root button')].at(-1)?.focus(),
    )
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('page: Open Intercom Messenger')

    await page.keyboard.press('Enter')
    await page.waitForFunction(() => window.__fakeIntercom?.state.isOpen === true)
    await waitForVerified(page, 'user_ada')
    expect(await focused(page)).toBe('dialog: Close the Messenger')
    await ourLauncher(page).waitFor({ state: 'detached' })
    expect(await focused(page)).toBe('dialog: Close the Messenger')

    await page.keyboard.press('Escape')
    expect(await focused(page)).toBe('intercom launcher: Open the Messenger')
    await page.keyboard.press(' ')
    await page.waitForFunction(() => window.__fakeIntercom?.state.isOpen === true)
    expect(await focused(page)).toBe('dialog: Close the Messenger')
    await page.keyboard.press('Escape')
    expect(await focused(page)).toBe('intercom launcher: Open the Messenger')
  })

  it('an idle boot that replaces the focused launcher hands the focus to the real one', async () => {
    const visitor = await returningVisitor(demo.visit)
    const { page } = visitor
    const release = await holdScript(page)
    await page.goto('/?launcher=idle')
    await ourLauncher(page).focus()
    expect(await focused(page)).toBe('page: Open Intercom Messenger')
    release()

    await waitForVerified(page, 'user_ada')
    await ourLauncher(page).waitFor({ state: 'detached' })
    expect(await focused(page)).toBe('intercom launcher: Open the Messenger')
  })

  it('does not pulse while loading when the visitor prefers reduced motion', async () => {
    const running = async (reducedMotion: 'reduce' | 'no-preference') => {
      const visitor = await returningVisitor(demo.visit)
      const { page } = visitor
      await page.emulateMedia({ reducedMotion })
      const release = await holdScript(page)
      await page.goto('/?launcher', { waitUntil: 'networkidle' })
      await ourLauncher(page).click()
      const busy = page.locator('body > button[aria-busy="true"]')
      await busy.waitFor()
      const animations = await busy.evaluate(
        (button) =>
          button.getAnimations().filter(({ playState }) => playState === 'running').length,
      )
      release()
      await visitor.context.close()
      return animations
    }
    expect(await running('no-preference')).toBe(1)
    expect(await running('reduce')).toBe(0)
  })

  it('drops its unread badge as soon as the real launcher is drawn, before it leaves itself', async () => {
    const visitor = await returningVisitor(demo.visit)
    const { page } = visitor
    await page.goto('/?launcher&unread=2', { waitUntil: 'networkidle' })
    const launcher = page.getByRole('button', { name: 'Open Intercom Messenger, 2 unread' })
    // On every change of the page while both launchers are drawn: does ours still show its badge?
    const ours = await launcher.elementHandle()
    await page.evaluate((button) => {
      const seen: boolean[] = []
      ;(window as unknown as { __badge: boolean[] }).__badge = seen
      new MutationObserver(() => {
        const real = document.querySelector('.intercom-lightweight-app-launcher')
        if (button?.isConnected && real?.getClientRects().length)
          seen.push(button.querySelector('span') !== null)
      }).observe(document.body, { subtree: true, childList: true, attributes: true })
    }, ours)
    await launcher.click()
    await launcher.waitFor({ state: 'detached' })

    const badge = await page.evaluate(() => (window as unknown as { __badge: boolean[] }).__badge)
    expect(badge.at(-1)).toBe(false)
  })
})

/** Records every Content-Security-Policy violation the pages of `context` report, from the first script on. */
async function watchViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __violations: string[] }).__violations = seen
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    )
  })
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)

describe('click-to-load launcher under a strict Content-Security-Policy', () => {
  const demo = useDemo({ strictCsp: true })

  it('loads, opens and hands over with the nonce and no violation, styled', async () => {
    const visitor = await returningVisitor(demo.visit)
    const { page, context } = visitor
    await watchViolations(context)
    const refused: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text())
    })
    const response = await page.goto('/?launcher', { waitUntil: 'networkidle' })
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'nonce-[^']+';/)

    await ourLauncher(page).click()
    await page.waitForFunction(() => window.__fakeIntercom?.state.isOpen === true)
    await waitForVerified(page, 'user_ada')
    await ourLauncher(page).waitFor({ state: 'detached' })
    await page.keyboard.press('Escape')

    expect({ violations: await violations(page), refused }).toEqual({ violations: [], refused: [] })
    expect(
      await page.evaluate(() => {
        const script = document.querySelector<HTMLScriptElement>('script[src*="/fake-intercom/"]')
        const root = document.querySelector('[data-fake-intercom]')
        return { nonce: script?.nonce !== '', position: root && getComputedStyle(root).position }
      }),
    ).toEqual({ nonce: true, position: 'fixed' })
  })

  // Fails today: the kernel's boot inserts the script again after its early load failed while the
  // identity was requested (createMessenger's begin/start). Becomes `it` with the kernel fix.
  it('a widget script the policy blocks is tried once per click', async () => {
    const visitor = await returningVisitor(demo.visit)
    const { page, context } = visitor
    await watchViolations(context)
    // The app hands the loader a nonce its policy does not list, as a misconfigured site would.
    await page.route(
      (url) => url.pathname === '/',
      async (route) => {
        const response = await route.fetch()
        const body = (await response.text()).replace(/"cspNonce":"[^"]+"/, '"cspNonce":"stale"')
        await route.fulfill({ response, body })
      },
    )
    // Each identity answer waits until that click's script was blocked: the order that made a second attempt.
    let asked = 0
    await page.route(`**${identityPath}`, async (route) => {
      asked += 1
      await page.waitForFunction(
        (count) =>
          (window as unknown as { __violations: string[] }).__violations.filter((line) =>
            line.includes('/fake-intercom/widget/'),
          ).length >= count,
        asked,
      )
      await route.continue()
    })
    const blockedScripts = async () =>
      (await violations(page)).filter((line) => line.includes('/fake-intercom/widget/'))
    await page.goto('/?launcher', { waitUntil: 'networkidle' })

    await ourLauncher(page).click()
    const failed = page.getByRole('button', { name: 'The chat could not load. Try again?' })
    await failed.waitFor()
    expect(await blockedScripts()).toHaveLength(1)
    await failed.click()
    await page.locator('body > button[aria-busy="false"]').waitFor()
    expect(await blockedScripts()).toHaveLength(2)
  })
})
