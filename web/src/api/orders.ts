// 接诉即办 work orders over the API.
import { api, ApiError } from './client'
import type { Order, Page, QueueCounts, Suggestions } from './types'

export interface OrderQuery {
  state?: string
  unit?: number | string
  region?: string
  overdue?: string
  q?: string
  queue?: string
  page?: number
  page_size?: number
}

export const listOrders = (q: OrderQuery) => api.get<Page<Order>>('/api/v1/orders', { ...q })

export const getOrder = (id: number) => api.get<Order>(`/api/v1/orders/${id}`)

export const act = (id: number, action: string, body: Record<string, unknown>) =>
  api.post<Order>(`/api/v1/orders/${id}/${action}`, body)

export const revealContact = (id: number) => api.get<{ name: string; phone: string }>(`/api/v1/orders/${id}/contact`)

export const suggestions = (id: number) => api.get<Suggestions>(`/api/v1/orders/${id}/suggestions`)

/// The caller's queue counts. Servers without GET /api/v1/queue are asked through the list.
export async function queueCounts(centre: boolean): Promise<QueueCounts> {
  try {
    return await api.get<QueueCounts>('/api/v1/queue')
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e
  }
  const total = (q: OrderQuery) => listOrders({ ...q, page_size: 1 }).then((p) => p.total)
  const [n, o] = await Promise.all([total({ state: centre ? 'registered' : 'dispatched' }), total({ overdue: 'true', state: 'accepted' })])
  return { new: n, due_soon: 0, overdue: o }
}
