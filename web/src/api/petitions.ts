// 信访 petitions over the API (src/api/petition_routes.cc, petition_report_routes.cc and the
// public routes): registration, lists, one petition with its timeline, the actions of the
// 信访工作条例, the audited reveal of the petitioner, the written notices, the ledger, the monthly
// indicators and the annual report.
import { api, withQuery } from './client'
import type { Colleague, Items, Page, TimelineEvent, UnitRef } from './types'

/// Every state of a petition (docs/petitions.md).
export const PETITION_STATES = [
  'registered', 'transferred', 'objected', 'accepted', 'answered', 'replied', 'settled', 'reviewing',
  'reviewed', 're_reviewing', 'final', 'closed', 'referred', 'redirected', 'not_accepted',
] as const
export type PetitionState = (typeof PETITION_STATES)[number]

/// States in which nothing more happens to the petition.
export const FINAL_PETITION_STATES = ['not_accepted', 'redirected', 'referred', 'replied', 'settled', 'closed', 'final']

export const CHANNELS = ['online', 'letter', 'phone', 'fax', 'visit'] as const
export const CATEGORIES = ['建议意见', '检举控告', '申诉求决'] as const
/// 涉及领域, as src/petitions/vocabulary.h kFields.
export const FIELDS = [
  '城乡建设', '劳动和社会保障', '农业农村', '自然资源', '卫生健康', '教育', '政法', '纪检监察', '组织人事',
  '民政', '交通运输', '生态环境', '市场监管', '其他',
] as const
export const NOTICE_NAMES = [
  'receipt', 'acceptance', 'extension', 'opinion', 'agreement', 'review', 're_review', 'referral', 'visit_referral', 'not_accepted',
] as const
export const DECISIONS = ['support', 'explain', 'not_support'] as const
/// Art. 29: a suggestion adopted in whole, in part, or not.
export const ADOPTIONS = ['adopted', 'partly_adopted', 'not_adopted'] as const
/// Art. 33: 调解协议书 or 和解协议书.
export const AGREEMENT_FORMS = ['mediation', 'settlement'] as const
export const PROCEDURES = ['litigation', 'arbitration', 'party_appeal', 'administrative'] as const
export const ROUTES = ['transfer', 'assign', 'report', 'politics_law', 'discipline'] as const
export const TRACKS = ['opinion', 'duty', 'suggestion', 'accusation'] as const

export interface MaskedPetitioner {
  name: string
  id_number: string
  phone: string
  address: string
  representatives: string[]
}

export interface EarlierPetition { id: number; tracking_no: string; similarity: number }

export interface WrittenAnswer {
  request?: string
  facts_reasons?: string
  decision?: string
  legal_basis?: string
  issued_at_ms?: number
  unit_id?: number
  delivered_on?: string
}

export interface NextLevel {
  unit_id?: number
  requested_on?: string
  base_due_ms?: number
  hearing_days?: number
  hearings?: { from: string; to: string }[]
  opinion?: string
  decision?: string
  issued_at_ms?: number
  in_time?: boolean
  delivered_on?: string
}

export interface ImplementationStep {
  measures: string
  complete: boolean
  done_on: string
  carried_out_by?: string
  unit_id: number
  at_ms: number
}

/// The petition's stored attributes (`details`): what the engine recorded at each step.
export interface PetitionDetails {
  receiving_unit_id?: number
  documents?: string[]
  litigation?: boolean
  discipline_matter?: boolean
  identity_unclear?: boolean
  oral?: boolean
  cascade?: boolean
  major?: boolean
  duplicate?: { rule: string; reason: string; earlier: EarlierPetition; overridden_by_new_facts?: boolean }
  repeat_of?: EarlierPetition
  /// Registered while the first deadline's year had no holiday calendar: set once it is loaded.
  /// ended_at_ms: the step it was for (routing, the receipt notice) ended meanwhile; whether in
  /// time is judged once the year is loaded.
  deadline_pending?: { days: number; timer: string; reason: string; ended_at_ms?: number }
  new_facts?: string
  visit?: {
    received_level: string
    competent_level: string
    competent_unit_id: number
    step_by_step: boolean
    group_size: number
    representatives: number
  }
  /// A visit's referral to the proper level, or the legal procedure a petition was referred to.
  referral?: { to_unit_id?: number; to_unit?: string; reason?: string; procedure?: string; note?: string; at_ms?: number }
  routes?: { route: string; unit_id: number; at_ms: number; from_unit_id: number; report_due_on?: string; note?: string }[]
  routed_at_ms?: number
  routed_in_time?: boolean
  assigned?: {
    unit_id: number
    by_unit_id: number
    report_due_ms: number
    report?: string
    reported_at_ms?: number
    in_time?: boolean
    report_overdue?: boolean
  }
  sender_unit_id?: number
  transferred_at_ms?: number
  acceptance_due_ms?: number
  receipt_notice?: { outcome: string; at_ms: number; in_time: boolean; sent_to?: string; organ_to_approach?: string }
  objection?: { reasons: string; at_ms: number; by_unit_id: number; approved?: boolean; decided_at_ms?: number; note?: string }
  track?: string
  accepted_at_ms?: number
  accepted_in_time?: boolean
  handler_unit_id?: number
  handler_user_id?: number
  handling_base_due_ms?: number
  extension_days?: number
  extensions?: { days: number; reason: string; approved_by: string; at_ms: number }[]
  opinion?: WrittenAnswer
  answered_at_ms?: number
  answered_in_time?: boolean
  request_window_ends_ms?: number
  /// A suggestion's reply says how it was adopted (`adopted` on replies stored before the three-way status).
  reply?: { text: string; at_ms: number; adoption?: (typeof ADOPTIONS)[number]; adoption_reasons?: string; adopted?: boolean }
  /// Art. 33: the mediation or settlement agreement that concluded the handling.
  agreement?: { form: string; other_party: string; matter: string; terms: string; signed_on: string; recorded_at_ms: number; unit_id: number }
  review?: NextLevel
  re_review?: NextLevel
  /// Art. 32: how a supporting decision was carried out, step by step, until complete.
  implementation?: { entries: ImplementationStep[]; complete: boolean; completed_on?: string }
  /// Art. 32: the explanation or guidance and education given after a decision that did not support.
  guidance?: { kind: 'explanation' | 'education'; note: string; done_on: string; unit_id: number; at_ms: number }[]
  /// Art. 37: help for a petitioner in hardship; the note only for those who see the petitioner.
  assistance?: { kind: 'social' | 'judicial'; note?: string; done_on: string; unit_id: number; at_ms: number }[]
  rating?: { value: string; at_ms: number }
  late?: { step: string; at_ms: number }[]
  [key: string]: unknown
}

export interface Petition {
  id: number
  tracking_no: string
  state: PetitionState
  channel: string
  category: string
  field: string
  major: boolean
  subject: string
  content: string
  region_code: string
  address: string
  lead_unit: UnitRef | null
  confidential: boolean
  received_at: string
  due_at: string | null
  closed_at: string | null
  overdue: boolean
  version: number
  notices: string[]
  details: PetitionDetails
  /// Art. 32: the decision of the last written opinion issued (support, explain, not_support), '' before any.
  decision_in_force?: string
  /// A supporting decision in force whose carrying out is not yet recorded as complete.
  implementation_pending?: boolean
  petitioner: MaskedPetitioner | null
  timeline?: Omit<TimelineEvent, 'id'>[]
}

export interface PetitionQuery {
  state?: string
  category?: string
  overdue?: string
  /// 'pending': supporting decisions waiting to be carried out (Art. 32).
  implementation?: string
  q?: string
  page?: number
  page_size?: number
}

export interface NewPetition {
  channel: string
  /// When it was received, if registered later: a China date or an RFC 3339 time.
  received_at?: string
  category: string
  field?: string
  subject: string
  content?: string
  summary?: string
  region_code: string
  address?: string
  petitioner?: { name?: string; id_number?: string; phone?: string; address?: string }
  identity_unclear?: boolean
  /// The petitioner asked that their name and private matters be kept confidential.
  confidential?: boolean
  litigation?: boolean
  discipline_matter?: boolean
  accused_unit_id?: number
  about_unit_id?: number
  major?: boolean
  group_size?: number
  representatives?: string[]
  competent_unit_id?: number
  new_facts?: string
  unit_id?: number
}

export interface OrganIndicators {
  unit: { id: number; name: string }
  acceptances_due: number
  accepted_in_time: number
  answers_due: number
  answered_in_time: number
  answers: number
  rated: number
  satisfied: number
  timely_acceptance: number | null
  on_time_closing: number | null
  participation: number | null
  satisfaction: number | null
}

export interface PublicPetition {
  tracking_no: string
  state: PetitionState
  handled_by: string | null
  received_at: string
  due_at: string | null
  closed_at: string | null
  notices: string[]
  rated: boolean
  /// Art. 32: null without a supporting decision; false while it waits to be carried out, true once carried out in full.
  carried_out?: boolean | null
}

export const listPetitions = (q: PetitionQuery) => api.get<Page<Petition>>('/api/v1/petitions', { ...q })
export const getPetition = (id: number) => api.get<Petition>(`/api/v1/petitions/${id}`)

// The active users of a unit, whom a petition it holds can be given to (its own staff, and admins and
// leaders over it, may list them).
export const getUnitUsers = async (unitId: number) =>
  (await api.get<Items<Colleague>>(`/api/v1/units/${unitId}/users`)).items
export const registerPetition = (p: NewPetition, idempotencyKey: string) =>
  api.post<Petition>('/api/v1/petitions', p, { 'Idempotency-Key': idempotencyKey })
export const actOnPetition = (id: number, action: string, body: Record<string, unknown>) =>
  api.post<Petition>(`/api/v1/petitions/${id}/${action}`, body)
export const revealPetitioner = (id: number) => api.get<MaskedPetitioner>(`/api/v1/petitions/${id}/petitioner`)
export const noticeUrl = (id: number, name: string, format: 'html' | 'docx') =>
  withQuery(`/api/v1/petitions/${id}/notices/${encodeURIComponent(name)}`, { format })
export const indicators = (period: string, region?: string) =>
  api.get<{ period: string; items: OrganIndicators[] }>('/api/v1/petition-indicators', { period, region })
export const publicPetition = (no: string) => api.get<PublicPetition>(`/api/v1/public/petitions/${encodeURIComponent(no)}`)
export const ratePetition = (no: string, rating: string) =>
  api.post<PublicPetition>(`/api/v1/public/petitions/${encodeURIComponent(no)}/rating`, { rating })

/// The track a petition of this category is handled on once accepted (Arts. 29–31).
export function trackFor(category: string): string {
  if (category === '建议意见') return 'suggestion'
  if (category === '检举控告') return 'accusation'
  return 'opinion'
}

/// The tracks a category may be accepted on: a 申诉求决 petition is answered with a 信访处理意见书
/// (Art. 31 route (6)) or, when it asks the organ to perform its own duty, by doing it (route (5)).
export function tracksFor(category: string): string[] {
  return category === '申诉求决' ? ['opinion', 'duty'] : [trackFor(category)]
}

export const dueMs = (p: { due_at: string | null }) => (p.due_at ? Date.parse(p.due_at) : null)
