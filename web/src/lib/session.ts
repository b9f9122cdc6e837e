// Who is signed in, shared by every screen. Filled from GET /api/v1/session at start.
import { reactive } from 'vue'
import { api, setCsrfToken, ApiError } from '@/api/client'
import type { Principal, Role } from '@/api/types'

export const session = reactive<{ user: Principal | null; checked: boolean }>({ user: null, checked: false })

export async function loadSession(): Promise<Principal | null> {
  try {
    session.user = await api.get<Principal>('/api/v1/session')
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e
    session.user = null
  }
  session.checked = true
  return session.user
}

export async function signIn(username: string, password: string) {
  const p = await api.post<Principal>('/api/v1/session', { username, password })
  setCsrfToken(p.csrf_token ?? '')
  session.user = { user_id: p.user_id, username: p.username, role: p.role, jurisdiction: p.jurisdiction }
  session.checked = true
}

export async function signOut() {
  try {
    await api.del('/api/v1/session')
  } finally {
    setCsrfToken('')
    session.user = null
  }
}

export const isCentre = (r?: Role) => r === 'dispatcher' || r === 'admin'
export const isHandler = (r?: Role) =>
  r === 'street_staff' || r === 'department_staff' || r === 'community_staff' || r === 'grid_worker'
export const canReadOrders = (r?: Role) => !!r && r !== 'volunteer'
export const canDashboard = (r?: Role) => !!r && r !== 'volunteer'

/// The first screen of a role.
export function homeFor(r?: Role): string {
  if (r === 'leader') return '/dashboard'
  if (r === 'volunteer') return '/portal'
  return '/workbench'
}
