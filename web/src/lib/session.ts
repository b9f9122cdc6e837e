// Who is signed in, shared by every screen. Filled from GET /api/v1/session at start.
import { reactive } from 'vue'
import { api, setCsrfToken, ApiError } from '@/api/client'
import type { Principal, Role } from '@/api/types'

export const session = reactive<{ user: Principal | null; checked: boolean }>({ user: null, checked: false })

export async function loadSession(): Promise<Principal | null> {
  try {
    const p = await api.get<Principal>('/api/v1/session')
    if (p.csrf_token) setCsrfToken(p.csrf_token)
    session.user = principal(p)
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e
    session.user = null
  }
  session.checked = true
  return session.user
}

function principal(p: Principal): Principal {
  return {
    user_id: p.user_id,
    username: p.username,
    role: p.role,
    jurisdiction: p.jurisdiction,
    display_name: p.display_name,
    unit: p.unit,
  }
}

export async function signIn(username: string, password: string) {
  const p = await api.post<Principal>('/api/v1/session', { username, password })
  // A server that names the user's unit also repeats the token on GET /api/v1/session.
  setCsrfToken(p.csrf_token ?? '', !('unit' in p))
  session.user = principal(p)
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
/// Roles that read petitions: by jurisdiction (admins, leaders, street and department staff) or
/// because their unit holds one.
export const canReadPetitions = (r?: Role) => r === 'admin' || r === 'leader' || r === 'department_staff' || r === 'street_staff'
/// Petitions are registered by the unit that received them (admins for any unit).
export const canRegisterPetitions = (r?: Role) => r === 'admin' || ((r === 'department_staff' || r === 'street_staff') && session.user?.unit !== null)

/// The first screen of a role; staff of a petition office start with the petitions.
export function homeFor(r?: Role, unitKind?: string): string {
  if (r === 'leader') return '/dashboard'
  if (unitKind === 'petition_office') return '/petitions'
  if (r === 'volunteer') return '/portal'
  return '/workbench'
}
