// The per-jurisdiction profile over the API (src/api/setting_routes.cc): every setting as it holds
// for a region and where its value comes from; admins set a region's own value or remove it.
import { api } from './client'
import type { Items } from './types'

export interface Setting {
  key: string
  /// The server's explanation, in English with the domain's Chinese term.
  meaning: string
  default: string
  value: string
  /// The 12-digit region whose own value holds; null when the national default does.
  set_for: string | null
  /// Set for the whole country only (the 三率 weights).
  national_only: boolean
}

/// The whole country as a region code.
export const COUNTRY = '100000000000'
export const isCountry = (code: string) => /^10+$/.test(code) || code === '0'

export const listSettings = async (region?: string) => (await api.get<Items<Setting>>('/api/v1/settings', { region })).items
export const putSetting = (key: string, region_code: string, value: string) =>
  api.put<{ key: string; value: string; set_for: string }>(`/api/v1/settings/${encodeURIComponent(key)}`, { region_code, value })
export const removeSetting = (key: string, region: string) =>
  api.del<{ key: string; removed_for: string }>(`/api/v1/settings/${encodeURIComponent(key)}?region=${encodeURIComponent(region)}`)
