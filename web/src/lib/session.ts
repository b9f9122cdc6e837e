// Who is signed in, shared by every screen. Filled from GET /api/v1/session at start.
import { reactive } from 'vue'
import { api, setCsrfToken, ApiError } from '@/api/client'
import type { Principal, Role } from '@/api/types'

/// `suggestionOffice`: the user's unit is the people's suggestion office the settings of their
/// jurisdiction name (suggestion.office_unit), so their work starts with the suggestions.
export const session = reactive<{ user: Principal | null; checked: boolean; suggestionOffice: boolean }>({
  user: null,
  checked: false,
  suggestionOffice: false,
})

// Whether the user's unit is the collecting office of their jurisdiction: asked only of staff of a
// department, the kind such an office is; a failure leaves the ordinary first screen.
async function isSuggestionOffice(p: Principal | null): Promise<boolean> {
  if (!p?.unit || p.unit.kind !== 'department' || p.role !== 'department_staff') return false
  try {
    const r = await api.get<{ items: { key: string; value: string }[] }>('/api/v1/settings')
    return r.items.some((x) => x.key === 'suggestion.office_unit' && Number(x.value) === p.unit?.id)
  } catch {
    return false
  }
}

export async function loadSession(): Promise<Principal | null> {
  try {
    const p = await api.get<Principal>('/api/v1/session')
    if (p.csrf_token) setCsrfToken(p.csrf_token)
    session.user = principal(p)
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e
    session.user = null
  }
  session.suggestionOffice = await isSuggestionOffice(session.user)
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
  session.suggestionOffice = await isSuggestionOffice(session.user)
  session.checked = true
}

export async function signOut() {
  try {
    await api.del('/api/v1/session')
  } finally {
    setCsrfToken('')
    session.user = null
    session.suggestionOffice = false
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

/// 人民建议: every staff role but the community's reads them; the collecting organs register them
/// and act on them through their staff (src/suggestions/suggestion_kind.h kCollectors).
export const canReadSuggestions = (r?: Role) =>
  r === 'admin' || r === 'dispatcher' || r === 'department_staff' || r === 'street_staff' || r === 'leader'
export const isSuggestionCollector = (r?: Role) => r === 'admin' || r === 'dispatcher' || r === 'department_staff' || r === 'street_staff'
/// A suggestion is registered by the unit that received it (admins name the unit).
export const canRegisterSuggestions = (r?: Role) => r === 'admin' || (isSuggestionCollector(r) && !!session.user?.unit)

/// 矛盾纠纷: every staff role reads them by jurisdiction; the committees and organs that mediate
/// register them and act on them (docs/disputes.md, "Who").
export const canReadDisputes = (r?: Role) =>
  r === 'admin' || r === 'department_staff' || r === 'street_staff' || r === 'community_staff' || r === 'grid_worker' || r === 'leader'
export const canRegisterDisputes = (r?: Role) =>
  r === 'admin' || ((r === 'department_staff' || r === 'street_staff' || r === 'community_staff' || r === 'grid_worker') && !!session.user?.unit)

/// 减负: every staff role reads the lists; departments send tasks to streets, and streets to their
/// communities; the streets and committees that receive them and the governments that approve them
/// read them; the residents' committees issue certificates.
export const canReadTasks = (r?: Role) =>
  r === 'admin' || r === 'leader' || r === 'department_staff' || r === 'street_staff' || r === 'community_staff'
export const canSendTasks = (r?: Role) => (r === 'department_staff' || r === 'street_staff') && !!session.user?.unit
export const canReadCertificates = (r?: Role) => r === 'admin' || r === 'leader' || r === 'street_staff' || r === 'community_staff'
export const canIssueCertificates = (r?: Role) => r === 'community_staff' && !!session.user?.unit

/// The first screen of the signed-in user.
export const home = () => homeFor(session.user?.role, session.user?.unit?.kind, session.suggestionOffice)

/// The first screen of a role; staff of a petition office start with the petitions, staff of the
/// people's suggestion office with the suggestions.
export function homeFor(r?: Role, unitKind?: string, suggestionOffice = false): string {
  if (r === 'leader') return '/dashboard'
  if (unitKind === 'petition_office') return '/petitions'
  if (suggestionOffice) return '/suggestions'
  // A residents' committee's work that has screens of its own is its people's mediation.
  if (r === 'community_staff') return '/disputes'
  if (r === 'volunteer') return '/portal'
  return '/workbench'
}
