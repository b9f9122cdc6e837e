// 人民建议征集 over the API (src/api/suggestion_routes.cc, suggestion_collection_routes.cc and
// public_suggestion_routes.cc): registration, the list, one suggestion with its timeline, the
// actions of the suggestion kind, the audited read of the proposer, special collections with their
// results, and the citizens' routes (open collections, a suggestion of one's own, its progress).
import { api } from './client'
import type { Items, Page, TimelineEvent, UnitRef } from './types'

/// Every state of a suggestion (src/suggestions/suggestion_kind.h).
export const SUGGESTION_STATES = ['registered', 'accepted', 'evaluated', 'closed', 'redirected'] as const
export type SuggestionState = (typeof SUGGESTION_STATES)[number]
export const FINAL_SUGGESTION_STATES = ['closed', 'redirected']

/// The words of src/suggestions/vocabulary.h.
export const SUGGESTION_CHANNELS = ['letter', 'phone', 'email', 'web', 'app', 'hotline', 'visit'] as const
export const SUGGESTION_TYPES = ['routine', 'special'] as const
export const PROPOSER_KINDS = ['person', 'organisation'] as const
export const REDIRECT_REASONS = ['personal_demand', 'litigation', 'arbitration', 'reconsideration'] as const
export const SUGGESTION_ADOPTIONS = ['adopted', 'partly_adopted', 'not_adopted'] as const
export const CONVERSIONS = ['policy', 'work_improvement', 'legislation', 'npc_supervision', 'deputy_bill', 'decision_reference'] as const
export const FEEDBACK_METHODS = ['publication', 'letter', 'phone', 'sms', 'online'] as const
/// A redirection is answered individually: every feedback method but collective publication.
export const REPLY_METHODS = ['letter', 'phone', 'sms', 'online'] as const
export const STUDY_METHODS = ['forum', 'hearing', 'site_visit', 'consultation'] as const
export const REWARD_KINDS = ['commendation', 'certificate', 'bonus'] as const

export interface Adoption {
  status: (typeof SUGGESTION_ADOPTIONS)[number]
  reasons: string
  conversion?: string
  at_ms: number
  by: string
}
export interface Feedback { method: string; text: string; at_ms: number; by: string; in_time: boolean }
export interface Study { method: string; note: string; proposer_invited: boolean; held_on: string; by: string }
export interface Reward { kind: string; note: string; amount_yuan?: number; at_ms: number; by: string }

export interface Proposer { kind: string; name: string; phone: string; email?: string; address?: string }

export interface Suggestion {
  id: number
  tracking_no: string
  state: SuggestionState
  channel: string
  type: 'routine' | 'special'
  field: string
  subject: string
  reasons: string
  measures: string
  region_code: string
  lead_unit: UnitRef | null
  received_at: string
  due_at: string | null
  closed_at: string | null
  overdue: boolean
  version: number
  /// Masked: 张*, 138****1111.
  proposer: Proposer
  collection: { id: number; topic?: string; late: boolean } | null
  adoption: Adoption | null
  feedback: Feedback | null
  redirect: { reason: string } | null
  /// The words that make it look like a personal demand or a legal matter (Art. 10), found at registration.
  redirect_hint: { reason: string; cue: string } | null
  studies: Study[]
  rewards: Reward[]
  timeline?: Omit<TimelineEvent, 'id'>[]
}

export interface SuggestionQuery {
  state?: string
  type?: string
  collection_id?: string | number
  overdue?: string
  q?: string
  page?: number
  page_size?: number
}

export interface NewSuggestion {
  channel: string
  subject: string
  reasons: string
  measures: string
  field?: string
  region_code?: string
  collection_id?: number
  received_at?: string
  proposer: { kind: string; name: string; phone?: string; email?: string; address?: string }
  unit_id?: number
}

export interface Collection {
  id: number
  region_code: string
  unit_id: number
  topic: string
  description: string
  submission_method: string
  opens_on: string
  closes_on: string
  open: boolean
  results: string | null
  results_published_at: string | null
  /// Staff lists only.
  submissions?: number
  late_submissions?: number
}

export interface NewCollection { topic: string; description: string; submission_method: string; opens_on?: string; closes_on: string }

export interface PublicSuggestion {
  tracking_no: string
  state: SuggestionState
  subject: string
  lead_unit: string | null
  received_at: string
  closed_at: string | null
  adoption: { status: string; reasons: string; conversion?: string } | null
  feedback: { method: string; text: string; at: string } | null
  redirect?: { reason: string }
}

export const listSuggestions = (q: SuggestionQuery) => api.get<Page<Suggestion>>('/api/v1/suggestions', { ...q })
export const getSuggestion = (id: number) => api.get<Suggestion>(`/api/v1/suggestions/${id}`)
export const registerSuggestion = (s: NewSuggestion, idempotencyKey: string) =>
  api.post<Suggestion>('/api/v1/suggestions', s, { 'Idempotency-Key': idempotencyKey })
export const actOnSuggestion = (id: number, action: string, body: Record<string, unknown>) =>
  api.post<Suggestion>(`/api/v1/suggestions/${id}/${action}`, body)
export const revealProposer = (id: number) => api.get<Required<Proposer>>(`/api/v1/suggestions/${id}/proposer`)

export const listCollections = async (open = false) =>
  (await api.get<Items<Collection>>('/api/v1/suggestion-collections', { open: open ? 'true' : undefined })).items
export const createCollection = (c: NewCollection) => api.post<Collection>('/api/v1/suggestion-collections', c)
export const publishResults = (id: number, results: string) =>
  api.post<Collection & { answered: number }>(`/api/v1/suggestion-collections/${id}/results`, { results })

export const publicCollections = async (open = false) =>
  (await api.get<Items<Collection>>('/api/v1/public/suggestion-collections', { open: open ? 'true' : undefined })).items
export const submitPublicSuggestion = (s: Omit<NewSuggestion, 'unit_id' | 'received_at'>, idempotencyKey: string) =>
  api.post<PublicSuggestion>('/api/v1/public/suggestions', s, { 'Idempotency-Key': idempotencyKey })
export const publicSuggestion = (no: string) => api.get<PublicSuggestion>(`/api/v1/public/suggestions/${encodeURIComponent(no)}`)

export const dueMs = (s: { due_at: string | null }) => (s.due_at ? Date.parse(s.due_at) : null)
/// Tracking numbers of suggestions start JY (人民建议).
export const isSuggestionNo = (no: string) => /^JY/i.test(no)
