// The reading in full of the people a case names (a petitioner, a proposer, the parties), which the
// server audits: asked for in a dialog, refused with the server's reason. The kind names its words:
// `${kind}.revealRefused`.
import type { CaseKind } from '@/lib/caseKind'
import { ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { describe } from '@/api/errors'

export function useAuditedReveal<F>(
  kind: CaseKind,
  // The reading, or nothing while there is no case.
  read: () => Promise<F> | undefined,
) {
  const { t } = useI18n()
  const full = ref<F | null>(null) as Ref<F | null>
  const revealOpen = ref(false)
  const revealing = ref(false)
  const revealError = ref('')

  function askReveal() {
    revealError.value = ''
    revealOpen.value = true
  }
  async function reveal() {
    const reading = read()
    if (!reading) return
    revealing.value = true
    revealError.value = ''
    try {
      full.value = await reading
    } catch (e) {
      revealError.value = t(`${kind}.revealRefused`, { reason: describe(e) })
    } finally {
      revealing.value = false
    }
  }

  return { full, revealOpen, revealing, revealError, askReveal, reveal }
}
