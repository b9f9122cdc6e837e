// Dates in China time and durations as people say them.
import { i18n } from '@/i18n'

const fmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

export function dateTime(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—'
  const d = new Date(v)
  if (Number.isNaN(d.getTime())) return '—'
  return fmt.format(d).replace(/\//g, '-')
}

/// "3 天 4 小时", "5 小时 20 分钟", "12 分钟".
export function duration(ms: number): string {
  const t = i18n.global.t
  const m = Math.max(0, Math.floor(ms / 60000))
  const d = Math.floor(m / 1440)
  const h = Math.floor((m % 1440) / 60)
  const min = m % 60
  if (d > 0) return `${t('duration.d', { n: d })} ${t('duration.h', { n: h })}`
  if (h > 0) return `${t('duration.h', { n: h })} ${t('duration.m', { n: min })}`
  return t('duration.m', { n: min })
}

export function percent(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  return `${(v * 100).toFixed(1)}%`
}

/// This month in China as YYYY-MM.
export function thisMonth(now = Date.now()): string {
  const d = new Date(now + 8 * 3600_000)
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

export function monthsBack(period: string, n: number): string[] {
  const [y, m] = period.split('-').map(Number)
  const out: string[] = []
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1))
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`)
  }
  return out
}
