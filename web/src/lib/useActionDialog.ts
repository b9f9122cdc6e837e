// The dialog of the action a caller starts on a case's page: which action, and whether it is open.
import { ref } from 'vue'

export function useActionDialog() {
  const dialog = ref('')
  const dialogOpen = ref(false)
  function start(action: string) {
    dialog.value = action
    dialogOpen.value = true
  }
  return { dialog, dialogOpen, start }
}
