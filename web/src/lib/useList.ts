// Loading state for a screen that reads one list.
import { ref, type Ref } from 'vue'
import { showError } from '@/api/errors'

export function useList<T>(load: () => Promise<T[]>): { items: Ref<T[]>; loading: Ref<boolean>; failed: Ref<boolean>; reload: () => Promise<void> } {
  const items = ref<T[]>([]) as Ref<T[]>
  const loading = ref(false)
  const failed = ref(false)
  async function reload() {
    loading.value = true
    failed.value = false
    try {
      items.value = await load()
    } catch (e) {
      failed.value = true
      showError(e)
    } finally {
      loading.value = false
    }
  }
  return { items, loading, failed, reload }
}
