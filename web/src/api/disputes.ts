// 矛盾纠纷化解 over the API (src/api/dispute_routes.cc): registration, the list, one dispute with its
// timeline, the actions of the dispute kind, and the audited read of the parties in full.
import { api } from './client'
import type { Items, Page, TimelineEvent, UnitRef } from './types'

/// Every state of a dispute (src/disputes).
export const DISPUTE_STATES = ['registered', 'accepted', 'mediating', 'agreed', 'declined', 'failed'] as const
export type DisputeState = (typeof DISPUTE_STATES)[number]
export const FINAL_DISPUTE_STATES = ['agreed', 'declined', 'failed']

export const DISPUTE_TRACKS = ['people', 'administrative'] as const
export const DISPUTE_SOURCES = ['application', 'initiative', 'referral'] as const
export const DISPUTE_RISKS = ['low', 'medium', 'high'] as const
export const DISPUTE_CATEGORIES = ['婚姻家庭', '邻里纠纷', '物业纠纷', '劳动争议', '合同纠纷', '损害赔偿', '土地纠纷', '征地拆迁', '其他'] as const
export const PARTY_ROLES = ['applicant', 'respondent'] as const
export const AGREEMENT_FORMS = ['written', 'oral'] as const
export const FAIL_REASONS = ['no_agreement', 'refusal', 'withdrawn'] as const

export interface Party { name: string; phone: string; role: string }
export interface Agreement {
  form: string
  terms: string
  effective_on: string
  /// Null while the holidays of the year are not loaded.
  confirmation_until: string | null
  confirmation_window_closed?: boolean
  confirmation?: { applied_on: string; court: string }
  in_time?: boolean
  at_ms?: number
}
export interface DisputeDetails {
  party_count: number
  complex?: boolean
  refusals?: Record<string, { note?: string; at_ms: number; by?: string }>
  consents?: { party: number; at_ms: number; by?: string }[]
  acceptance?: { decision: string; reasons?: string; at_ms: number; in_time?: boolean }
  referrals?: { from_unit_id: number; unit_id: number; reason: string; in_time?: boolean; at_ms?: number }[]
  mediation?: { started_at_ms: number; mediator: string; days: number }
  extensions?: { days: number; reason: string; at_ms: number }[]
  agreement?: Agreement
  outcome?: { reason: string; guidance: string; at_ms?: number }
  late?: { step: string; at_ms: number }[]
}

export interface Dispute {
  id: number
  tracking_no: string
  state: DisputeState
  track: 'people' | 'administrative'
  source: string
  category: string
  risk: string
  subject: string
  description: string
  region_code: string
  address: string
  lead_unit: UnitRef | null
  received_at: string
  due_at: string | null
  closed_at: string | null
  overdue: boolean
  version: number
  /// Masked: 张*, 138****1111.
  parties: Party[]
  details: DisputeDetails
  timeline?: Omit<TimelineEvent, 'id'>[]
}

export interface DisputeQuery {
  state?: string
  track?: string
  risk?: string
  category?: string
  overdue?: string
  q?: string
  page?: number
  page_size?: number
}

export interface NewDispute {
  track: string
  source: string
  category: string
  risk?: string
  subject: string
  description: string
  region_code: string
  address?: string
  complex?: boolean
  parties: { name: string; phone?: string; role: string }[]
  unit_id?: number
}

export const listDisputes = (q: DisputeQuery) => api.get<Page<Dispute>>('/api/v1/disputes', { ...q })
export const getDispute = (id: number) => api.get<Dispute>(`/api/v1/disputes/${id}`)
export const registerDispute = (d: NewDispute, idempotencyKey: string) =>
  api.post<Dispute>('/api/v1/disputes', d, { 'Idempotency-Key': idempotencyKey })
export const actOnDispute = (id: number, action: string, body: Record<string, unknown>) =>
  api.post<Dispute>(`/api/v1/disputes/${id}/${action}`, body)
export const revealParties = async (id: number) => (await api.get<Items<Party>>(`/api/v1/disputes/${id}/parties`)).items

export const disputeDueMs = (d: { due_at: string | null }) => (d.due_at ? Date.parse(d.due_at) : null)
