// The kinds of case the shared case screens frame, and where each kind's screens live.
export type CaseKind = 'petition' | 'suggestion' | 'dispute' | 'task'

/// The address of a kind's list: /petitions, /suggestions, /disputes; the work tasks of 减负 live
/// under /burden/tasks.
export const caseBase = (kind: CaseKind) => (kind === 'task' ? '/burden/tasks' : `/${kind}s`)
