// react-use-intercom's exported type names, as aliases of ours, so `import type { IntercomProps }` keeps
// compiling after the import line changes. Its other names (`AuthTokens`, `DataAttributes`,
// `MessengerAttributes`, `IntercomProviderProps`) are already ours; its snake_case `Raw*` types are
// `IntercomSettings<T>` here (see MIGRATING.md).
import type {
  Avatar,
  BootSettings,
  Company,
  MessengerCallbacks,
  MessengerSpace,
} from '@verified-messenger/core'
import type { IntercomMethods, UseIntercom } from './useIntercom'

/**
 * react-use-intercom's name for {@link BootSettings}: what `boot`, `update` and `autoBootProps` take.
 * @example
 * const settings: IntercomProps = { name: 'Ada', customAttributes: { plan: 'pro' } }
 */
export type IntercomProps = BootSettings

/**
 * react-use-intercom's boot settings with the app id; `IntercomProvider` takes `appId` as a prop instead.
 * @example
 * const props: IntercomBootProps = { appId: 'abc123', name: 'Ada' }
 */
export type IntercomBootProps = BootSettings & { appId: string }

/**
 * react-use-intercom's name for {@link UseIntercom}, what `useIntercom()` returns.
 * @example
 * const openHelp = ({ showSpace }: IntercomContextValues) => showSpace('help')
 */
export type IntercomContextValues = UseIntercom

/**
 * react-use-intercom's name for {@link MessengerSpace}, what `showSpace` opens.
 * @example
 * const space: IntercomSpace = 'tickets'
 */
export type IntercomSpace = MessengerSpace

/**
 * react-use-intercom's name for {@link Company}.
 * @example
 * const company: DataAttributesCompany = { companyId: 'c1', name: 'Acme' }
 */
export type DataAttributesCompany = Company

/**
 * react-use-intercom's name for {@link Avatar}.
 * @example
 * const avatar: DataAttributesAvatar = { type: 'avatar', imageUrl: 'https://example.com/ada.png' }
 */
export type DataAttributesAvatar = Avatar

/**
 * The names `window.Intercom` is called with: the methods of `useIntercom()` (but `hardShutdown` and `signOut`, which
 * are ours) and the callbacks.
 * @example
 * const method: IntercomMethod = 'showNewMessage'
 */
export type IntercomMethod =
  | Exclude<keyof IntercomMethods, 'hardShutdown' | 'signOut'>
  | keyof MessengerCallbacks

/**
 * react-use-intercom's log levels. Nothing here takes one: our warnings are `console.warn`s tagged
 * `[verified-messenger/<package>]`, in development only.
 * @example
 * const level: LogLevel = 'warn'
 */
export type LogLevel = 'info' | 'warn' | 'error'
