import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.locale('zh-cn')

// Asia/Shanghai has had no daylight saving since 1991, so a fixed +08:00 is exact and
// avoids relying on Intl time-zone data, which some WeChat JS engines lack.
const SHANGHAI_OFFSET_MINUTES = 8 * 60

export function shanghai(ms: number): dayjs.Dayjs {
  return dayjs(ms).utcOffset(SHANGHAI_OFFSET_MINUTES)
}

/** e.g. 12月3日 18:00 */
export function formatDeadline(ms: number): string {
  return shanghai(ms).format('M月D日 HH:mm')
}

/** A friendly countdown: 还剩 3 天 / 还剩 5 小时 / 已截止. */
export function remaining(deadlineMs: number, nowMs: number): string {
  const diff = deadlineMs - nowMs
  if (diff <= 0) return '已截止'
  const hours = Math.floor(diff / 3_600_000)
  if (hours >= 24) return `还剩 ${Math.floor(hours / 24)} 天`
  if (hours >= 1) return `还剩 ${hours} 小时`
  return `还剩 ${Math.max(1, Math.floor(diff / 60_000))} 分钟`
}
