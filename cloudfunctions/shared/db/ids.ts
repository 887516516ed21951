/**
 * App-made ids: `prefix_` + 10 characters of milliseconds + 16 random characters (ULID layout,
 * lowercase Crockford base32). Ids sort by creation time, as text, on both engines; within one
 * millisecond the random part counts up so ids made by one process stay in order.
 * Uses `globalThis.crypto`, present on Node 20 and in the CloudBase runtime.
 */

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const TIME_LENGTH = 10
const RANDOM_LENGTH = 16
const PREFIX = /^[a-z][a-z0-9]{0,11}$/

let lastTime = -1
let lastRandom: number[] = []

function randomDigits(): number[] {
  const bytes = new Uint8Array(RANDOM_LENGTH)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b & 31)
}

/** Adds one to a base-32 number; false when it overflows (2^80 ids in one ms will not happen). */
function increment(digits: number[]): boolean {
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digits[i] ?? 0
    if (d < 31) {
      digits[i] = d + 1
      return true
    }
    digits[i] = 0
  }
  return false
}

function encodeTime(ms: number): string {
  let out = ''
  let rest = ms
  for (let i = 0; i < TIME_LENGTH; i++) {
    out = ALPHABET.charAt(rest % 32) + out
    rest = Math.floor(rest / 32)
  }
  return out
}

/** A new id, e.g. `newId('ent')` → `ent_01j9z3k4m0…`. Without a prefix, just the 26 characters. */
export function newId(prefix?: string, now: number = Date.now()): string {
  if (prefix !== undefined && !PREFIX.test(prefix)) {
    throw new Error(`id prefix must be 1–12 lowercase letters or digits, starting with a letter: "${prefix}"`)
  }
  // A clock stepping back must not make a smaller id than the last one.
  const time = Math.max(now, lastTime)
  // Within the same millisecond, count up from the last random part instead of drawing anew.
  if (time !== lastTime || !increment(lastRandom)) lastRandom = randomDigits()
  lastTime = time
  const body = encodeTime(time) + lastRandom.map((d) => ALPHABET.charAt(d)).join('')
  return prefix === undefined ? body : `${prefix}_${body}`
}
