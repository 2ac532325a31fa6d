import type { BootSettings, IntercomSettings } from './types'

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

const convert = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(convert)
    : value?.constructor === Object
      ? toIntercomSettings(value as object)
      : value

/**
 * Maps camelCase settings to the snake_case object `window.Intercom` expects, with `customAttributes`
 * spread in and `undefined` fields left out. `authTokens` are passed as they are: their names are the
 * ones your data connectors were set up with.
 * @example
 * toIntercomSettings({ userId: '1', customAttributes: { plan: 'pro' } }) // { user_id: '1', plan: 'pro' }
 */
export function toIntercomSettings<T extends object = BootSettings>(
  settings: T,
): IntercomSettings<T> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(settings)) {
    if (key === 'customAttributes') Object.assign(out, value)
    else if (value !== undefined) out[snake(key)] = key === 'authTokens' ? value : convert(value)
  }
  return out as IntercomSettings<T>
}
