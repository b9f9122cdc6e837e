// Screens by address. The server answers any path without a file extension with index.html, so
// history routing works and every screen has a plain address.
import { createRouter, createWebHistory } from 'vue-router'
import { session, loadSession, home } from '@/lib/session'
import type { Role } from '@/api/types'

const staff: Role[] = ['admin', 'dispatcher', 'department_staff', 'street_staff', 'community_staff', 'grid_worker', 'leader']
// 信访: read by jurisdiction or by the unit holding a petition; registered by the receiving unit.
const petitionReaders: Role[] = ['admin', 'leader', 'department_staff', 'street_staff']
const petitionWriters: Role[] = ['admin', 'department_staff', 'street_staff']
// 人民建议: read by every staff role that reads cases; registered by the collecting organs' staff.
const suggestionReaders: Role[] = ['admin', 'dispatcher', 'department_staff', 'street_staff', 'leader']
const suggestionWriters: Role[] = ['admin', 'dispatcher', 'department_staff', 'street_staff']
// 矛盾纠纷: read by every staff role but the dispatcher; registered by the mediating units' staff.
const disputeReaders: Role[] = ['admin', 'department_staff', 'street_staff', 'community_staff', 'grid_worker', 'leader']
const disputeWriters: Role[] = ['admin', 'department_staff', 'street_staff', 'community_staff', 'grid_worker']
// 减负: the lists are read by every staff role; tasks by the units that send, receive and approve
// them; certificates by the committees that issue them and those above.
const taskReaders: Role[] = ['admin', 'leader', 'department_staff', 'street_staff', 'community_staff']
const taskSenders: Role[] = ['department_staff', 'street_staff']
const certificateReaders: Role[] = ['admin', 'leader', 'street_staff', 'community_staff']

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: () => (session.user ? home() : '/login') },
    { path: '/login', component: () => import('@/views/LoginView.vue'), meta: { public: true, bare: true } },
    { path: '/portal', component: () => import('@/views/portal/PortalView.vue'), meta: { public: true, bare: true } },
    { path: '/portal/suggest', component: () => import('@/views/portal/PortalView.vue'), meta: { public: true, bare: true } },
    { path: '/portal/track/:no?', component: () => import('@/views/portal/PortalView.vue'), meta: { public: true, bare: true } },
    { path: '/workbench', component: () => import('@/views/WorkbenchView.vue'), meta: { roles: staff } },
    { path: '/orders/:id(\\d+)', component: () => import('@/views/OrderView.vue'), meta: { roles: staff } },
    { path: '/notices', component: () => import('@/views/NoticesView.vue'), meta: { roles: staff } },
    { path: '/dashboard', component: () => import('@/views/DashboardView.vue'), meta: { roles: staff } },
    { path: '/petitions', component: () => import('@/views/petitions/PetitionListView.vue'), meta: { roles: petitionReaders } },
    { path: '/petitions/new', component: () => import('@/views/petitions/PetitionRegisterView.vue'), meta: { roles: petitionWriters } },
    { path: '/petitions/indicators', component: () => import('@/views/petitions/PetitionIndicatorsView.vue'), meta: { roles: petitionReaders } },
    { path: '/petitions/:id(\\d+)', component: () => import('@/views/petitions/PetitionView.vue'), meta: { roles: petitionReaders } },
    { path: '/suggestions', component: () => import('@/views/suggestions/SuggestionListView.vue'), meta: { roles: suggestionReaders } },
    { path: '/suggestions/new', component: () => import('@/views/suggestions/SuggestionRegisterView.vue'), meta: { roles: suggestionWriters } },
    { path: '/suggestions/collections', component: () => import('@/views/suggestions/CollectionsView.vue'), meta: { roles: suggestionReaders } },
    { path: '/suggestions/:id(\\d+)', component: () => import('@/views/suggestions/SuggestionView.vue'), meta: { roles: suggestionReaders } },
    { path: '/disputes', component: () => import('@/views/disputes/DisputeListView.vue'), meta: { roles: disputeReaders } },
    { path: '/disputes/new', component: () => import('@/views/disputes/DisputeRegisterView.vue'), meta: { roles: disputeWriters } },
    { path: '/disputes/:id(\\d+)', component: () => import('@/views/disputes/DisputeView.vue'), meta: { roles: disputeReaders } },
    { path: '/burden/lists', component: () => import('@/views/burden/DutyListsView.vue'), meta: { roles: staff } },
    { path: '/burden/tasks', component: () => import('@/views/burden/TaskListView.vue'), meta: { roles: taskReaders } },
    { path: '/burden/tasks/new', component: () => import('@/views/burden/TaskRegisterView.vue'), meta: { roles: taskSenders } },
    { path: '/burden/tasks/:id(\\d+)', component: () => import('@/views/burden/TaskView.vue'), meta: { roles: taskReaders } },
    { path: '/burden/certificates', component: () => import('@/views/burden/CertificatesView.vue'), meta: { roles: certificateReaders } },
    { path: '/admin/units', component: () => import('@/views/admin/UnitsView.vue'), meta: { roles: staff } },
    { path: '/admin/rules', component: () => import('@/views/admin/RulesView.vue'), meta: { roles: staff } },
    { path: '/admin/sla', component: () => import('@/views/admin/SlaView.vue'), meta: { roles: staff } },
    { path: '/admin/calendar', component: () => import('@/views/admin/CalendarView.vue'), meta: { roles: staff } },
    { path: '/admin/settings', component: () => import('@/views/admin/SettingsView.vue'), meta: { roles: staff } },
    { path: '/admin/users', component: () => import('@/views/admin/UsersView.vue'), meta: { roles: ['admin', 'leader'] } },
    { path: '/:rest(.*)*', component: () => import('@/views/NotFoundView.vue'), meta: { public: true } },
  ],
})

router.beforeEach(async (to) => {
  if (!session.checked) {
    try {
      await loadSession()
    } catch {
      session.checked = true
    }
  }
  if (to.meta.public) return true
  if (!session.user) return { path: '/login', query: { next: to.fullPath } }
  const roles = to.meta.roles as Role[] | undefined
  if (roles && !roles.includes(session.user.role)) return home()
  return true
})
