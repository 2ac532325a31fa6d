import { describe, expect, it } from 'vitest'
import { identityPath, useDemo } from './demoHarness'

describe('signing out while the server session outlives the click', () => {
  // The server ends the session a second after the click; until then its identity endpoint still
  // vouches for the leaving user, so a boot that asked it would come back verified as them.
  const demo = useDemo({ signOutDelayMs: 1000 })

  it('never hands the leaving user to window.Intercom again, and boots anonymous without asking who is signed in', async () => {
    const { page, requestsTo, openVerified } = await demo.visit()
    await openVerified('user_ada')
    const callsBefore = await page.evaluate(() => window.__fakeIntercom?.calls.length ?? 0)
    const identityRequestsBefore = requestsTo(identityPath).length

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await page.getByTestId('messenger-identity').getByText('Anonymous visitor').waitFor()

    const callsSince = await page.evaluate(
      (from) => JSON.stringify(window.__fakeIntercom?.calls.slice(from)),
      callsBefore,
    )
    expect(JSON.parse(callsSince).map(([method]: [string]) => method)).toEqual(
      expect.arrayContaining(['shutdown', 'boot']),
    )
    expect(callsSince).not.toMatch(/user_ada|ada@example\.com|Ada Lovelace|intercom_user_jwt/)
    expect(requestsTo(identityPath)).toHaveLength(identityRequestsBefore)
    expect(await page.evaluate(() => window.__fakeIntercom?.state.user)).toBeFalsy()
  })
})
