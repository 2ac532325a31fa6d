#!/usr/bin/env node
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { checkCommand, checkOptionsFrom } from './check/checkCommand'
import { formatJsonReport, formatReport } from './check/formatReport'
import { runCheck } from './check/runCheck'
import { createUserHash } from './createUserHash'
import { decodeJwt } from './decodeJwt'
import { SignerError } from './SignerError'
import { signIntercomJwt } from './signIntercomJwt'
import { UsageError } from './UsageError'
import { verifyIntercomJwt } from './verifyIntercomJwt'

/** Exit codes: 1 when a token fails verification or a check fails, 2 for anything the caller must fix first. */
const VERIFY_FAILED = 1
const CHECK_FAILED = 1
const USAGE = 2

const SECRET_HELP = `The secret is read from INTERCOM_IDENTITY_SECRET or --secret-file <path>, never from an argument
(arguments end up in shell history and process lists).`

const COMMANDS = {
  hash: {
    usage: 'verified-messenger hash <id> [--secret-file <path>]',
    summary: 'Print the legacy user_hash (hex HMAC-SHA256) of a user id or email.',
    options: {},
  },
  sign: {
    usage:
      'verified-messenger sign --user-id <id> [--email <email>] [--name <name>] [--expires-in <seconds>|none] [--secret-file <path>]',
    summary: 'Print an intercom_user_jwt for a user (expires in 3600 s unless told otherwise).',
    options: {
      'user-id': { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      'expires-in': { type: 'string' },
    },
  },
  verify: {
    usage:
      'verified-messenger verify <token> [--user-id <id>] [--clock-tolerance <seconds>] [--secret-file <path>]',
    summary: "Check a token's algorithm, signature, expiry and user_id, then print its claims.",
    options: { 'user-id': { type: 'string' }, 'clock-tolerance': { type: 'string' } },
  },
  decode: {
    usage: 'verified-messenger decode <token>',
    summary: "Print a token's header and claims WITHOUT checking them (no secret needed).",
    options: {},
  },
  check: checkCommand,
} as const

type Command = keyof typeof COMMANDS

function mainHelp(): string {
  const lines = Object.values(COMMANDS).map(
    (command) => `  ${command.usage}\n      ${command.summary}`,
  )
  return `Debug a workspace's Intercom identity setup.\n\nUsage:\n${lines.join('\n')}\n\n${SECRET_HELP}\nRun verified-messenger <command> --help for one command. Exit codes: 0 ok, 1 token rejected or check failed, 2 usage or setup error.\n`
}

function commandHelp(name: Command): string {
  const command = COMMANDS[name]
  const secret = name === 'decode' ? '' : `\n${SECRET_HELP}\n`
  const details = 'help' in command ? command.help : ''
  return `${command.summary}\n\nUsage: ${command.usage}\n${details}${secret}`
}

function readSecret(secretFile: string | undefined): string {
  if (secretFile !== undefined) {
    let contents: string
    try {
      contents = readFileSync(secretFile, 'utf8')
    } catch {
      throw new UsageError(
        `[verified-messenger/signer] cannot read --secret-file ${secretFile}. Check the path and its permissions.`,
      )
    }
    // Files written by editors and `echo` end in a newline that is not part of the secret.
    return contents.replace(/\r?\n$/, '')
  }
  const secret = process.env.INTERCOM_IDENTITY_SECRET
  if (secret === undefined || secret === '') {
    throw new UsageError(
      '[verified-messenger/signer] no secret: set INTERCOM_IDENTITY_SECRET or pass --secret-file <path>.',
    )
  }
  return secret
}

function seconds(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value))
    throw new UsageError(`[verified-messenger/signer] ${option} must be a whole number of seconds.`)
  return Number(value)
}

function only(positionals: string[], what: string, name: Command): string {
  const [value, ...extra] = positionals
  if (value === undefined || extra.length > 0) {
    throw new UsageError(
      `[verified-messenger/signer] ${name} takes exactly one ${what}.\nUsage: ${COMMANDS[name].usage}`,
    )
  }
  return value
}

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    ;(name === undefined ? process.stderr : process.stdout).write(mainHelp())
    return name === undefined ? USAGE : 0
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    throw new UsageError(
      `[verified-messenger/signer] unknown command "${name}". Run verified-messenger --help.`,
    )
  }
  const command = name as Command
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      ...COMMANDS[command].options,
      help: { type: 'boolean', short: 'h' },
      ...(command === 'decode' ? {} : { 'secret-file': { type: 'string' } }),
    },
  }) as { values: Record<string, string | string[] | boolean | undefined>; positionals: string[] }
  if (values.help) {
    process.stdout.write(commandHelp(command))
    return 0
  }
  const option = (key: string) => values[key] as string | undefined

  switch (command) {
    case 'decode': {
      const decoded = decodeJwt(only(positionals, 'token', command))
      process.stderr.write(
        'Not verified: anyone can write these claims. Use verify to check them.\n',
      )
      process.stdout.write(`${JSON.stringify(decoded, null, 2)}\n`)
      return 0
    }
    case 'hash': {
      const id = only(positionals, 'id', command)
      process.stdout.write(`${createUserHash(id, readSecret(option('secret-file')))}\n`)
      return 0
    }
    case 'sign': {
      if (positionals.length > 0) {
        throw new UsageError(
          `[verified-messenger/signer] sign takes options only.\nUsage: ${COMMANDS.sign.usage}`,
        )
      }
      if (option('user-id') === undefined) {
        throw new UsageError(
          `[verified-messenger/signer] sign needs --user-id <id>.\nUsage: ${COMMANDS.sign.usage}`,
        )
      }
      const expiresIn =
        option('expires-in') === 'none' ? false : seconds(option('expires-in'), '--expires-in')
      const claims = {
        user_id: option('user-id') as string,
        email: option('email'),
        name: option('name'),
      }
      const secret = readSecret(option('secret-file'))
      process.stdout.write(`${signIntercomJwt(claims, secret, { expiresIn })}\n`)
      return 0
    }
    case 'check': {
      const options = checkOptionsFrom(values, positionals, readSecret(option('secret-file')))
      const results = await runCheck(options)
      process.stdout.write(values.json ? formatJsonReport(results) : formatReport(results))
      return results.every((result) => result.ok) ? 0 : CHECK_FAILED
    }
    case 'verify': {
      const token = only(positionals, 'token', command)
      const secret = readSecret(option('secret-file'))
      const options = {
        userId: option('user-id'),
        clockTolerance: seconds(option('clock-tolerance'), '--clock-tolerance'),
      }
      try {
        process.stdout.write(
          `${JSON.stringify(verifyIntercomJwt(token, secret, options), null, 2)}\n`,
        )
        return 0
      } catch (error) {
        // Only a rejected token exits 1; a bad secret or option is a setup error like any other.
        if (!(error instanceof SignerError) || !error.code.startsWith('ERR_JWT_')) throw error
        process.stderr.write(`${error.code}: ${error.message}\n`)
        return VERIFY_FAILED
      }
    }
  }
}

/** node:parseArgs's message, first sentence, plus what to do; `--secret` is refused on purpose. */
function parseArgsHelp(message: string): string {
  const first = message.split('. ')[0]
  if (/^Unknown option '--secret(=|')/.test(message)) {
    return `${first}: secrets are refused on the command line on purpose (arguments end up in shell history and process lists). Set INTERCOM_IDENTITY_SECRET or pass --secret-file <path> instead.`
  }
  return `${first}. Run with --help for usage.`
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof SignerError) process.stderr.write(`${error.code}: ${error.message}\n`)
    else if (error instanceof UsageError) process.stderr.write(`${error.message}\n`)
    else if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`[verified-messenger/signer] ${parseArgsHelp(error.message)}\n`)
    } else throw error
    process.exitCode = USAGE
  },
)
