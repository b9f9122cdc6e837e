// Which actions a suggestion screen offers, after the state diagram of src/suggestions/
// suggestion_kind.h: every action is taken by the staff of the unit holding the suggestion. This only
// chooses the buttons; the server checks role, unit, state and every rule again.
import type { Role } from '@/api/types'
import type { Suggestion } from '@/api/suggestions'
import { isSuggestionCollector } from '@/lib/session'

export interface SuggestionCaller { role: Role; unit?: { id: number } | null }

/// Whether the caller works for the unit holding the suggestion.
export function holdsSuggestion(s: Suggestion, who: SuggestionCaller | null | undefined): boolean {
  return !!who && isSuggestionCollector(who.role) && !!who.unit && who.unit.id === s.lead_unit?.id
}

export function suggestionActions(s: Suggestion, who: SuggestionCaller | null | undefined): string[] {
  if (!holdsSuggestion(s, who)) return []
  // Art. 16: only an adopted suggestion, in whole or in part, is commended or rewarded.
  const rewardable = s.adoption?.status === 'adopted' || s.adoption?.status === 'partly_adopted'
  switch (s.state) {
    case 'registered': return ['accept', 'transfer', 'redirect']
    case 'accepted': return ['evaluate', 'record_study']
    case 'evaluated': return rewardable ? ['feedback', 'reward'] : ['feedback']
    case 'closed': return rewardable ? ['reward'] : []
    default: return []
  }
}

/// The actions that move the suggestion on; the others are secondary buttons.
export const PRIMARY_SUGGESTION_ACTIONS = ['accept', 'evaluate', 'feedback']
