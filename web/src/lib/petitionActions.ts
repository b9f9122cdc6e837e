// Which actions a petition screen offers, from the petition's state and what it records and from
// the caller's role and unit, after the state diagram of docs/petitions.md. This only chooses the
// buttons: the server checks role, unit, state and every rule again and has the last word.
import type { Role } from '@/api/types'
import type { Petition } from '@/api/petitions'
import { regionPrefix } from '@/lib/rules'

export interface Caller {
  role: Role
  /// The caller's unit; undefined when the server does not say (the server then decides alone).
  unit?: { id: number; kind: string } | null
  /// The caller's jurisdiction (a region code).
  jurisdiction?: string
}

/// Whether region `upper` lies above region `lower` and contains it (12-digit codes; the nation is
/// 100000000000).
function above(upper: string, lower: string): boolean {
  const u = upper === '100000000000' ? '' : regionPrefix(upper)
  const l = regionPrefix(lower)
  return u.length < l.length && l.startsWith(u)
}

/// Organs act through their staff (src/petitions/petition_kind.cc kOrganStaff).
const ACTING_ROLES: Role[] = ['department_staff', 'street_staff', 'admin']
const OPEN = ['registered', 'transferred', 'objected', 'accepted', 'answered', 'reviewing', 'reviewed', 're_reviewing']
const AFTER_ACCEPTANCE = ['accepted', 'answered', 'replied', 'settled', 'reviewing', 'reviewed', 're_reviewing', 'closed', 'final', 'referred']
const DECIDED = ['answered', 'reviewing', 'reviewed', 're_reviewing', 'closed', 'final']
/// Units that never take a 复查 or 复核 request (Arts. 35, 36 go to the organ above).
const NOT_REVIEWERS = ['petition_office', 'community', 'centre']

/// The units that hold or held the petition, as far as its record shows them.
export function holders(p: Petition): Set<number> {
  const d = p.details
  const ids = new Set<number>()
  const add = (v: unknown) => {
    if (typeof v === 'number' && v > 0) ids.add(v)
  }
  add(p.lead_unit?.id)
  add(d.receiving_unit_id)
  add(d.sender_unit_id)
  add(d.handler_unit_id)
  add(d.assigned?.unit_id)
  add(d.assigned?.by_unit_id)
  add(d.objection?.by_unit_id)
  add(d.opinion?.unit_id)
  add(d.review?.unit_id)
  add(d.re_review?.unit_id)
  for (const r of d.routes ?? []) {
    add(r.unit_id)
    add(r.from_unit_id)
  }
  for (const e of p.timeline ?? []) add(e.unit_id)
  return ids
}

/// Supervision notices (Art. 40) sent to the petition's organs and not yet answered, from the
/// timeline: the id, the unit it went to and when.
export function openSupervisions(p: Petition): { id: number; unit_id: number | null; at: string }[] {
  const answered = new Set<number>()
  for (const e of p.timeline ?? []) {
    if (e.action === 'answer_supervision' && typeof e.data?.supervision_id === 'number') answered.add(e.data.supervision_id)
  }
  return (p.timeline ?? [])
    .filter((e) => e.action === 'supervise' && typeof e.data?.supervision_id === 'number' && !answered.has(e.data.supervision_id as number))
    .map((e) => ({ id: e.data.supervision_id as number, unit_id: e.unit_id, at: e.at }))
}

// Organs act through their own staff: an admin without the organ's unit acts for none of them
// (the server answers "for the lead unit of the case"), but may register a 复查 or 复核 request
// for the organ that received it.
// `leadRegion` is the region of the organ holding the petition; null when it is not among the units
// the caller may list (then it is not below the caller), undefined when unknown.
export function petitionActions(p: Petition, who: Caller, leadRegion?: string | null): string[] {
  if (!ACTING_ROLES.includes(who.role)) return []
  const admin = who.role === 'admin'
  const known = who.unit !== undefined
  const unitId = who.unit?.id
  const unitKind = who.unit?.kind
  const lead = !known || (unitId !== undefined && unitId === p.lead_unit?.id)
  const held = !known || (unitId !== undefined && holders(p).has(unitId))
  const d = p.details
  const s = p.state
  const out: string[] = []

  // The step the state waits for.
  if (s === 'registered' && lead) out.push(p.lead_unit?.kind === 'petition_office' ? 'route' : 'notify_receipt')
  if (s === 'transferred' && lead) out.push('accept', 'object')
  if (s === 'objected' && (!known || (unitId !== undefined && unitId === d.sender_unit_id))) out.push('decide_objection')
  if (s === 'accepted' && lead) out.push(...(d.track === 'opinion' ? ['issue_opinion', 'extend'] : ['reply']))
  // Art. 33: a 申诉求决 matter the organ handles may end in a mediation or settlement agreement.
  if (s === 'accepted' && lead && (d.track === 'opinion' || d.track === 'duty')) out.push('settle')
  if (s === 'reviewing' && lead) out.push('review_opinion')
  if (s === 're_reviewing' && lead) out.push('re_review_opinion', 'record_hearing')
  // Also after the window closed it: a later receipt (by post) moves the window and may reopen it.
  const answeredLast = (s === 'closed' && (d.opinion || d.review) && !d.re_review) || s === 'answered' || s === 'reviewed'
  if (answeredLast && held) out.push('deliver')

  // 复查 and 复核 are registered by the organ above the one that answered (Arts. 35, 36).
  // A department's own people's government (本级人民政府) is above it too.
  const government = unitKind === 'government' || unitKind === 'district'
  const leadIsGovernment = p.lead_unit?.kind === 'government' || p.lead_unit?.kind === 'district'
  const ownGovernment =
    government && !leadIsGovernment && !!leadRegion && !!who.jurisdiction && regionPrefix(who.jurisdiction) === regionPrefix(leadRegion)
  const reviewer =
    admin ||
    !known ||
    (!!unitKind && !NOT_REVIEWERS.includes(unitKind) && unitId !== p.lead_unit?.id &&
      leadRegion !== null &&
      (ownGovernment || !leadRegion || !who.jurisdiction || above(who.jurisdiction, leadRegion)))
  if (reviewer) {
    if ((s === 'answered' || (s === 'closed' && d.opinion)) && !d.review) out.push('request_review')
    if ((s === 'reviewed' || (s === 'closed' && d.review)) && !d.re_review) out.push('request_re_review')
  }

  // Art. 31 (1)–(5): the matter leaves 信访 for a legal procedure.
  // Never for an accusation within 纪检监察 authority: it goes to the 纪检监察 organ (Art. 22).
  if (['registered', 'transferred', 'accepted'].includes(s) && lead && !d.discipline_matter) out.push('refer')

  // Steps that keep the state.
  if (d.assigned && !d.assigned.report && AFTER_ACCEPTANCE.includes(s) && (!known || (unitId !== undefined && unitId === d.assigned.unit_id))) out.push('file_report')
  if (OPEN.includes(s) && lead) out.push('assign_handler')
  // Art. 32: once a supporting decision waits to be carried out, also a closed petition is supervised.
  const supervised = OPEN.includes(s) || (['closed', 'final'].includes(s) && !!p.implementation_pending)
  if (supervised && (!known || unitKind === 'petition_office') && unitId !== p.lead_unit?.id) out.push('supervise')
  // The organ a notice went to answers it, whether or not it holds the petition now.
  if (openSupervisions(p).some((x) => !known || x.unit_id === unitId)) out.push('answer_supervision')
  // Art. 32: after a written decision, the organs that answered record its carrying out, or the
  // explanation or guidance given to a petitioner not supported.
  const answeredBy = [d.opinion?.unit_id, d.review?.issued_at_ms ? d.review.unit_id : undefined, d.re_review?.issued_at_ms ? d.re_review.unit_id : undefined]
  const answerer = !known || admin || (unitId !== undefined && answeredBy.includes(unitId))
  // Art. 37: a petitioner in hardship is helped to apply for social or judicial assistance, also
  // after the handling has ended.
  if (AFTER_ACCEPTANCE.includes(s) && held) out.push('record_assistance')
  if (DECIDED.includes(s) && answerer) {
    if (p.implementation_pending) out.push('record_implementation')
    if (p.decision_in_force === 'explain' || p.decision_in_force === 'not_support') out.push('record_guidance')
  }
  if (OPEN.includes(s) && held) out.push('declare_interest')
  // Art. 30 para 2: an accusation about a leading cadre is told to the organisation department.
  if (p.category === '检举控告' && [...OPEN, 'replied', 'settled', 'closed', 'final', 'referred'].includes(s) && held) out.push('inform_organisation')
  return out
}

/// The actions that move the petition on; the others are shown as secondary buttons.
export const PRIMARY_ACTIONS = [
  'route', 'notify_receipt', 'accept', 'decide_objection', 'issue_opinion', 'reply', 'review_opinion', 're_review_opinion',
  'request_review', 'request_re_review', 'file_report', 'answer_supervision',
]
