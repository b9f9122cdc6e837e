// Which actions a dispute screen offers, after the state diagram of docs/disputes.md: every action is
// taken by the staff of the unit holding the dispute. This only chooses the buttons; the server
// checks role, unit, state, track and every rule again.
import type { Role } from '@/api/types'
import type { Dispute } from '@/api/disputes'

export interface DisputeCaller { role: Role; unit?: { id: number } | null }

const mediators: Role[] = ['admin', 'department_staff', 'street_staff', 'community_staff', 'grid_worker']

/// Whether the caller works for the unit holding the dispute.
export function holdsDispute(d: Dispute, who: DisputeCaller | null | undefined): boolean {
  return !!who && mediators.includes(who.role) && !!who.unit && who.unit.id === d.lead_unit?.id
}

export function disputeActions(d: Dispute, who: DisputeCaller | null | undefined): string[] {
  if (!holdsDispute(d, who)) return []
  const refused = Object.keys(d.details?.refusals ?? {}).length > 0
  const positions = refused ? ['record_refusal', 'record_consent'] : ['record_refusal']
  switch (d.state) {
    case 'registered':
      return d.track === 'administrative'
        ? ['accept', 'decline', 'refer', ...positions, 'fail']
        : ['start', 'refer', ...positions, 'fail']
    case 'accepted': return ['start', ...positions, 'fail']
    case 'mediating': return ['agree', 'extend', 'fail']
    case 'agreed': {
      const a = d.details?.agreement
      return a && !a.confirmation && !a.confirmation_window_closed ? ['record_confirmation'] : []
    }
    default: return []
  }
}

/// The actions that move the dispute on; the others are secondary buttons.
export const PRIMARY_DISPUTE_ACTIONS = ['accept', 'start', 'agree']
