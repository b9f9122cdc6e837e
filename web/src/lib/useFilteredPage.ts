// A list screen whose filters, search and page live in the address, so that a list can be
// bookmarked and the back button works: the filters read from the route, a change pushed as a new
// route, the page of rows loaded again whenever the route changes.
import { reactive, ref, watch, type Ref, type UnwrapRef } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { showError } from '@/api/errors'
import type { Page } from '@/api/types'

// Every filter is a string ('' when unset) except the page and its size.
export interface PageFilters {
  q: string
  page: number
  page_size: number
  [key: string]: string | number
}

export function useFilteredPage<F extends PageFilters, T>(
  path: string,
  defaults: F,
  fetch: (query: Record<string, string | number>) => Promise<Page<T>>,
) {
  const route = useRoute()
  const router = useRouter()
  const filters = reactive({ ...defaults }) as F
  const search = ref('')
  const rows = ref<T[]>([]) as Ref<UnwrapRef<T>[]>
  const total = ref(0)
  const loading = ref(false)
  const failed = ref(false)

  function fromRoute() {
    const slots = filters as PageFilters
    for (const [k, fallback] of Object.entries(defaults)) {
      const v = route.query[k]
      slots[k] = typeof fallback === 'number' ? Number(v ?? fallback) || fallback : String(v ?? '')
    }
    search.value = filters.q
  }

  // The filters that are set, with the page and its size always.
  function query(): Record<string, string | number> {
    const q: Record<string, string | number> = {}
    for (const [k, v] of Object.entries(filters)) if (v !== '') q[k] = v
    return q
  }

  async function load() {
    loading.value = true
    failed.value = false
    try {
      const page = await fetch(query())
      rows.value = page.items as UnwrapRef<T>[]
      total.value = page.total
    } catch (e) {
      failed.value = true
      rows.value = []
      total.value = 0
      showError(e)
    } finally {
      loading.value = false
    }
  }

  // A new route with `patch` applied; what equals its default stays out of the address.
  function push(patch: Partial<F>) {
    const next: Record<string, string | number> = { ...filters, ...patch }
    const q: Record<string, string> = {}
    for (const [k, v] of Object.entries(next)) {
      if (v === '' || v === null || v === undefined || v === defaults[k]) continue
      q[k] = String(v)
    }
    router.push({ path, query: q })
  }

  function submitSearch() {
    push({ q: search.value.trim(), page: 1 } as Partial<F>)
  }
  function reset() {
    search.value = ''
    router.push({ path })
  }

  watch(
    () => route.fullPath,
    () => {
      if (route.path !== path) return
      fromRoute()
      load()
    },
  )

  // For onMounted: the filters of the address and the first page.
  async function start() {
    fromRoute()
    await load()
  }

  return { filters, search, rows, total, loading, failed, query, push, submitSearch, reset, start }
}
