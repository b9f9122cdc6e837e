// Registering a case at receipt (a petition, a suggestion, a dispute): the form checked before it is
// sent, sent with an idempotency key that is kept until a case is registered (so that sending again
// after a failure registers one case), the server's answer about a field under that field's item
// (`data-item`) and any other answer above the form.
import { reactive, ref, useTemplateRef, type Ref } from 'vue'
import { ApiError } from '@/api/client'
import { describe, fieldMessage } from '@/api/errors'

const newKey = () => crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`

export function useRegistration<R>(
  send: (idempotencyKey: string) => Promise<R>,
  // The form item under which the server's answer about a field stands, if it has one.
  itemOf: (field: string) => string | undefined,
  // Whether an answer about a field is said above the form as well.
  alsoAbove: (e: ApiError) => boolean = () => false,
) {
  // The form, by its template ref `registerForm`.
  const form = useTemplateRef<{ validate: () => Promise<unknown> }>('registerForm')
  const errors = reactive<Record<string, string>>({})
  const busy = ref(false)
  const formError = ref('')
  const result = ref<R | null>(null) as Ref<R | null>
  let idempotencyKey = newKey()

  function clearErrors() {
    for (const k of Object.keys(errors)) delete errors[k]
  }

  async function submit() {
    formError.value = ''
    clearErrors()
    if (!(await form.value?.validate().catch(() => false))) {
      document.querySelector<HTMLElement>('.register .is-error input, .register .is-error textarea')?.focus()
      return
    }
    busy.value = true
    try {
      result.value = await send(idempotencyKey)
      idempotencyKey = newKey()
      window.scrollTo({ top: 0 })
    } catch (e) {
      const item = e instanceof ApiError && e.field ? itemOf(e.field) : undefined
      if (item && e instanceof ApiError) {
        errors[item] = fieldMessage(e)
        if (alsoAbove(e)) formError.value = describe(e)
        document.querySelector<HTMLElement>(`[data-item="${item}"] input, [data-item="${item}"] textarea`)?.focus()
      } else formError.value = describe(e)
    } finally {
      busy.value = false
    }
  }

  // For registering another: the form is the caller's to clear.
  function again() {
    result.value = null
    clearErrors()
  }

  return { errors, busy, formError, result, submit, again }
}
