/**
 * Calendar arithmetic in Asia/Shanghai. China has observed no daylight saving since 1991, so the
 * offset is a constant UTC+8 and plain arithmetic is exact; no time-zone database is needed.
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n))

/** The Shanghai calendar day of an instant, as `YYYY-MM-DD`: the key of "one vote per day". */
export function shanghaiDayKey(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** The instant (epoch ms) at which a Shanghai day `YYYY-MM-DD` begins, or null when the key is malformed. */
export function shanghaiDayStart(dayKey: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dayKey)
  if (m === null) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const utc = Date.UTC(year, month - 1, day)
  // Date.UTC rolls 02-30 over to 03-02; a key that does not round-trip is not a real day.
  if (shanghaiDayKey(utc - SHANGHAI_OFFSET_MS) !== dayKey) return null
  return utc - SHANGHAI_OFFSET_MS
}

/** `YYYY-MM-DD HH:mm` in Shanghai time, for deadlines quoted in Chinese messages. */
export function formatShanghai(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS)
  return `${shanghaiDayKey(epochMs)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
