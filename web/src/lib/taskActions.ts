// Which actions a work task's screen offers: a task awaiting approval is approved or rejected by the
// government that approves it (the district government for a street's task, the street for a
// committee's) — the unit it now waits on; an admitted task is completed by the street or committee
// it was sent to. This only chooses the buttons; the server checks unit, role and state again.
import type { Role } from '@/api/types'
import type { WorkTask } from '@/api/burden'

export interface TaskCaller { role: Role; unit?: { id: number } | null }

export function taskActions(task: WorkTask, who: TaskCaller | null | undefined): string[] {
  if (!who?.unit || who.role === 'leader') return []
  const unit = who.unit.id
  if (task.state === 'awaiting_approval' && task.lead_unit?.id === unit) return ['approve', 'reject']
  if (task.state === 'admitted' && task.target_unit.id === unit) return ['complete']
  return []
}

export const PRIMARY_TASK_ACTIONS = ['approve', 'complete']
