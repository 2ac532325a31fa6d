import type { Page } from 'playwright-core'
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
})
