// 减负 over the API: the lists of duties that hold for an area (履职清单, 社区协助清单, 社区可出具证明
// 事项), the work tasks sent to streets and communities with their admission (准入) and approval, and
// the certificates a residents' committee is asked for, with their ledger.
import { api } from './client'
import type { Items, Page, TimelineEvent, UnitRef } from './types'

export const DUTY_LISTS = ['basic', 'cooperating', 'returned', 'assistance', 'certificate'] as const
export type DutyList = (typeof DUTY_LISTS)[number]

export interface DutyItem {
  id: number
  region_code: string
  region_name: string
  list: DutyList
  name: string
  basis: string
  lead_department: string
  supporting_role: string
  active: boolean
  updated_at: string
}

export interface NewDutyItem {
  region_code: string
  list: string
  name: string
  basis: string
  lead_department: string
  supporting_role: string
}
export interface DutyItemChange {
  name: string
  basis: string
  lead_department: string
  supporting_role: string
  active: boolean
}

export const listDutyItems = async (q: { region?: string; within?: string; list?: string }) =>
  (await api.get<Items<DutyItem>>('/api/v1/duty-items', { ...q })).items
export const createDutyItem = (b: NewDutyItem) => api.post<DutyItem>('/api/v1/duty-items', b)
export const changeDutyItem = (id: number, b: DutyItemChange) => api.put<DutyItem>(`/api/v1/duty-items/${id}`, b)

/// Every state of a work task.
export const TASK_STATES = ['awaiting_approval', 'admitted', 'rejected', 'done'] as const
export type TaskState = (typeof TASK_STATES)[number]
export const FINAL_TASK_STATES = ['rejected', 'done']
/// The list a task was sent under; `unlisted` is a task outside the lists, admitted only on approval.
export const TASK_LISTS = ['basic', 'cooperating', 'assistance', 'unlisted'] as const

export interface TaskItem {
  id: number
  list: string
  name: string
  region_code: string
  lead_department?: string
  supporting_role?: string
}

export interface WorkTask {
  id: number
  tracking_no: string
  state: TaskState
  subject: string
  content: string
  form_filling: boolean
  list: string
  item: TaskItem | null
  region_code: string
  /// The unit the task waits on: the approving government while it awaits approval, then the target.
  lead_unit: UnitRef | null
  requester_unit: UnitRef | null
  target_unit: UnitRef
  due_on: string | null
  received_at: string
  closed_at: string | null
  overdue: boolean
  version: number
  approval: { decision: 'approved' | 'rejected'; reasons: string; unit_id: number; at: string; by: string } | null
  completion: { note: string; at: string; by: string; in_time: boolean } | null
  timeline?: Omit<TimelineEvent, 'id'>[]
}

export interface TaskQuery {
  state?: string
  list?: string
  form_filling?: string
  overdue?: string
  q?: string
  page?: number
  page_size?: number
}

export interface NewTask {
  unit_id: number
  subject: string
  content: string
  item_id?: number
  form_filling: boolean
  due_on?: string
}

export const listTasks = (q: TaskQuery) => api.get<Page<WorkTask>>('/api/v1/work-tasks', { ...q })
export const getTask = (id: number) => api.get<WorkTask>(`/api/v1/work-tasks/${id}`)
export const sendTask = (t: NewTask, idempotencyKey: string) =>
  api.post<WorkTask>('/api/v1/work-tasks', t, { 'Idempotency-Key': idempotencyKey })
export const actOnTask = (id: number, action: string, body: Record<string, unknown>) =>
  api.post<WorkTask>(`/api/v1/work-tasks/${id}/${action}`, body)

/// A task's deadline: the end of its last day, China time.
export const taskDueMs = (t: { due_on?: string | null }) => (t.due_on ? Date.parse(`${t.due_on}T23:59:59+08:00`) : null)

export interface CertificateRequest {
  id: number
  certificate: string
  purpose: string
  item_id: number | null
  outcome: 'issued' | 'refused'
  reason: string | null // refused: what to tell the resident
  basis: string | null // issued: what the list item rests on
  number: string | null
  at: string
}
export interface CertificateLedger { items: CertificateRequest[]; issued: number; refused: number }

export const askCertificate = (b: { certificate?: string; item_id?: number; purpose: string }) =>
  api.post<CertificateRequest>('/api/v1/certificate-requests', b)
export const certificateLedger = () => api.get<CertificateLedger>('/api/v1/certificate-requests')
