import { execFileSync } from 'node:child_process'

/** The throwaway keyring session scripts/test.sh provides (dbus-run-session + unlocked gnome-keyring). */
export interface KeyringSession {
  readonly busAddress: string
  /** gnome-keyring keeps its keyring files under `<dataHome>/keyrings`. */
  readonly dataHome: string
  readonly runtimeDir: string
}

/**
 * Fails (never skips) when the keychain tests run outside their session: a keychain test that cannot
 * reach a keychain must not pass silently (docs/toolchain.md §5). SUA_TEST_KEYRING also keeps
 * these tests off a developer's personal login keyring.
 */
export function requireKeyringSession(): KeyringSession {
  const busAddress = process.env.DBUS_SESSION_BUS_ADDRESS
  const dataHome = process.env.XDG_DATA_HOME
  const runtimeDir = process.env.XDG_RUNTIME_DIR
  if (!busAddress || process.env.SUA_TEST_KEYRING !== '1' || !dataHome || !runtimeDir) {
    throw new Error(
      'The keychain tests need a throwaway D-Bus session with an unlocked gnome-keyring ' +
        '(DBUS_SESSION_BUS_ADDRESS, XDG_DATA_HOME, XDG_RUNTIME_DIR and SUA_TEST_KEYRING=1). ' +
        'Run them with `npm test`, which starts that session.',
    )
  }
  return { busAddress, dataHome, runtimeDir }
}

const SERVICE = ['--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets']

function gdbus(args: readonly string[]): string {
  return execFileSync('gdbus', ['call', '--session', ...args], {
    encoding: 'utf8',
    timeout: 10_000,
  })
}

const paths = (text: string): string[] => [...text.matchAll(/'(\/[^']*)'/g)].map((m) => m[1] ?? '')

/**
 * Asks the Secret Service itself, over D-Bus and independently of @napi-rs/keyring, which items carry
 * these attributes. Proves an entry lives in the Secret Service, not the kernel keyring.
 */
export function searchSecretService(attributes: Readonly<Record<string, string>>): {
  unlocked: string[]
  locked: string[]
} {
  const dict = `{${Object.entries(attributes)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(', ')}}`
  const out = gdbus([...SERVICE, '--method', 'org.freedesktop.Secret.Service.SearchItems', dict])
  // Answer shape: ([objectpath '/…/login/1'], @ao []) — unlocked items first, then locked ones.
  const split = out.indexOf('], ')
  if ((!out.startsWith('([') && !out.startsWith('(@ao [')) || split < 0) {
    throw new Error(`unexpected SearchItems answer: ${out}`)
  }
  return { unlocked: paths(out.slice(0, split)), locked: paths(out.slice(split)) }
}

/** The object path of the collection the "default" alias points to (gnome-keyring: login). */
export function defaultCollection(): string {
  const out = gdbus([...SERVICE, '--method', 'org.freedesktop.Secret.Service.ReadAlias', 'default'])
  const [path] = paths(out)
  if (!path) throw new Error(`unexpected ReadAlias answer: ${out}`)
  return path
}

/** An item's attributes as the Secret Service reports them. */
export function itemAttributes(itemPath: string): Record<string, string> {
  const out = gdbus([
    '--dest',
    'org.freedesktop.secrets',
    '--object-path',
    itemPath,
    '--method',
    'org.freedesktop.DBus.Properties.Get',
    'org.freedesktop.Secret.Item',
    'Attributes',
  ])
  const pairs = [...out.matchAll(/'([^']*)': '([^']*)'/g)].map((m): [string, string] => [
    m[1] ?? '',
    m[2] ?? '',
  ])
  return Object.fromEntries(pairs)
}
