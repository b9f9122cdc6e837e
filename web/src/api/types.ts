// Shapes of the JSON the server returns (src/api/*_json.cc and the route files).

export type Role =
  | 'admin' | 'dispatcher' | 'department_staff' | 'street_staff' | 'community_staff'
  | 'grid_worker' | 'leader' | 'volunteer'

export interface Principal {
  user_id: number
  username: string
  role: Role
  jurisdiction: string
  csrf_token?: string
  /// The user's name for display and the unit they work for (servers before these answer without).
  display_name?: string
  unit?: { id: number; name: string; kind: string } | null
}

export interface UnitRef { id: number; name: string; kind: string; role?: string }

export interface TimelineEvent {
  id: number
  at: string
  actor: string
  /// Who acted, in words (a user's name and unit); older servers send only `actor` ("user:4").
  actor_name?: string
  action: string
  from: string
  to: string
  unit_id: number | null
  data: Record<string, unknown>
}

export interface SuggestedCategory { category: string; confidence: number; in_taxonomy?: boolean }
export interface SuggestedUnit { unit_id: number; name: string; category: string; via: string }
export interface Suggestions { categories: SuggestedCategory[]; units: SuggestedUnit[] }

export interface Order {
  id: number
  tracking_no: string
  state: string
  channel: string
  type: string
  category: string
  urgency: string
  subject: string
  content: string
  address: string
  region: { code: string; path_names: string }
  confidential: boolean
  received_at: string | null
  due_at: string | null
  due_at_ms: number | null
  closed_at: string | null
  overdue: boolean
  version: number
  lead_unit: UnitRef | null
  reply?: { text: string; at_ms: number }
  dispute?: { pending: boolean; reason: string; decision?: string; at_ms: number }
  extension?: { pending: boolean; days: number; reason: string; decision?: string; at_ms: number }
  triage?: { outcome: string; answer: string }
  repeat_of?: unknown
  repeat_caller?: unknown
  suggestions?: unknown
  requester_rating?: { satisfaction: string; comment: string }
  reopened?: number
  sla?: { urgency: string; category: string; handling: string }
  /// Dispatched while the year its deadline falls in had no holiday calendar: set once it is loaded.
  deadline_pending?: { from_ms: number; amount: number; unit: string; reason: string }
  contact: { name: string; phone: string } | null
  units?: UnitRef[]
  timeline?: TimelineEvent[]
}

export interface Page<T> { items: T[]; total: number; page: number; page_size: number }
export interface Items<T> { items: T[] }

export interface QueueCounts { new: number; due_soon: number; overdue: number }

export interface RankingRow {
  rank: number | null
  unit: { id: number; name: string }
  dispatched: number
  responded_in_time: number
  callbacks: number
  solved: number
  satisfied: number
  basically_satisfied: number
  unsatisfied: number
  overdue: number
  response_rate: number | null
  resolution_rate: number | null
  satisfaction_rate: number | null
  score: number | null
}
export interface Ranking { period: string; level: string; items: RankingRow[] }

export interface HotIssue {
  title: string
  place: string
  first: string
  last: string
  orders: number
  requesters: number
  heat: number
  order_ids: number[]
}
// GET /api/v1/hotline/intake-levels: the intake service levels of a period (GB/T 33358-2016).
export interface CallWindow { from: string; to: string; offered: number; answered: number; completion_rate: number }
export interface ChannelLevel {
  channel: string
  limit_minutes: number
  orders: number
  in_time: number
  late: number
  waiting: number
  in_time_rate: number | null
  median_response_seconds: number | null
}
export interface IntakeLevels {
  region: string
  from: string
  to: string
  limits: { answer_seconds: number; completion_percent: number; media_response_minutes: number; mailbox_response_hours: number }
  phone: {
    offered: number
    answered: number
    abandoned: number
    answered_in_time: number
    answered_in_time_rate: number | null
    completion_rate: number | null
    median_wait_seconds: number | null
    p90_wait_seconds: number | null
    worst_24h: CallWindow | null
    meets_completion_target: boolean | null
  }
  channels: ChannelLevel[]
}
export interface HotIssues { region: string; from: string; to: string; orders_read: number; issues: HotIssue[] }

export interface Region { code: string; name: string; level: string; has_children?: boolean }

export interface Unit { id: number; name: string; kind: string; region_code: string; active: boolean }
// GET /api/v1/notices: one notice to the caller's unit.
export interface Notice { id: number; at: string; case: { id: number; kind: string; tracking_no: string }; action: string }
export interface DispatchRule { id: number; region_code: string; category: string; unit_id: number }
export interface SlaRule {
  id: number
  urgency: string
  category: string
  dispatch_minutes: number
  response_minutes: number
  handling_amount: number
  handling_unit: string
  reminder_minutes: number
}
export interface User {
  id: number
  username: string
  display_name: string
  role: Role
  jurisdiction: string
  disabled: boolean
  unit_id: number | null
  phone?: string
}

// A user as the people of a unit see each other (GET /api/v1/units/{id}/users: active users only).
export type Colleague = Pick<User, 'id' | 'username' | 'display_name' | 'role'> & { unit_id: number }

export interface PublicOrder {
  tracking_no: string
  state: string
  type: string
  subject: string
  received_at: string | null
  due_at: string | null
  steps: { at: string; action: string; state: string }[]
  reply?: { text: string; at: string }
  answer?: string
  rating?: string
}
