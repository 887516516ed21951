/** Display helpers shared by verdict messages and the CLI table, so both speak the same units. */

/** 540 → "9分钟", 545.4 → "9分05秒", 42 → "42秒". */
export const formatDuration = (seconds: number): string => {
  const total = Math.max(0, Math.round(seconds))
  const minutes = Math.floor(total / 60)
  const rest = total % 60
  if (minutes === 0) return `${rest}秒`
  if (rest === 0) return `${minutes}分钟`
  return `${minutes}分${String(rest).padStart(2, '0')}秒`
}

/** Binary units, labelled GB/MB as phones and WeChat show them. */
export const formatBytes = (bytes: number): string => {
  const gib = 1024 * 1024 * 1024
  const mib = 1024 * 1024
  if (bytes >= gib) return `${trim(bytes / gib, 2)} GB`
  if (bytes >= mib) return `${trim(bytes / mib, 1)} MB`
  if (bytes >= 1024) return `${trim(bytes / 1024, 1)} KB`
  return `${bytes} B`
}

/** 8123 → "8.1 Mbps"; below 1 Mbps kbps reads better than "0.0 Mbps". */
export const formatBitrate = (kbps: number): string =>
  kbps >= 1000 ? `${trim(kbps / 1000, 1)} Mbps` : `${Math.round(kbps)} kbps`

/** 25 → "25", 29.97 → "29.97", 24.9833 → "24.98". */
export const formatFps = (fps: number): string => trim(fps, 2)

export const trim = (value: number, digits: number): string => {
  const fixed = value.toFixed(digits)
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed
}
