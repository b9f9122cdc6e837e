// The form of an action on a case (a petition, a suggestion, a dispute): made blank whenever its
// dialog opens, checked before it is sent, closed on success with the case as the server now has it;
// what the server says about a field stands under that field. The form is the template ref
// `actionForm`, a CaseActionShell.
import { reactive, ref, useTemplateRef, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'

export function useCaseAction<C>(options: {
  open: Ref<boolean>
  // Makes the form blank, and fills what it can from the case.
  reset: () => void
  send: () => Promise<C>
  done: (updated: C) => void
  // Says what went wrong, under a field of `errors` where it can.
  fail: (e: unknown, errors: Record<string, string>) => void
}) {
  const { t } = useI18n()
  const form = useTemplateRef<{ validate: () => Promise<unknown>; clearValidate: () => void }>('actionForm')
  const busy = ref(false)
  const errors = reactive<Record<string, string>>({})

  function clearErrors() {
    for (const k of Object.keys(errors)) delete errors[k]
  }

  watch(
    options.open,
    (v) => {
      if (!v) return
      options.reset()
      clearErrors()
      form.value?.clearValidate()
    },
    { immediate: true },
  )

  async function submit() {
    clearErrors()
    if (!(await form.value?.validate().catch(() => false))) return
    busy.value = true
    try {
      const updated = await options.send()
      ElMessage.success(t('action.done'))
      options.open.value = false
      options.done(updated)
    } catch (e) {
      options.fail(e, errors)
    } finally {
      busy.value = false
    }
  }

  return { busy, errors, submit }
}
