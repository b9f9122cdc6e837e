// A list of cases (petitions, suggestions, disputes): the filtered page kept in the address, and
// the quick filters above it, each a set of filters with the number of cases it holds.
import { computed, ref } from 'vue'
import type { Page } from '@/api/types'
import { useFilteredPage, type PageFilters } from '@/lib/useFilteredPage'

// What useCaseList gives, made reactive: what the list of cases shows.
export interface CaseListModel {
  filters: { state: string; overdue: string; page: number; page_size: number }
  search: string
  rows: object[]
  total: number
  loading: boolean
  failed: boolean
  quickKeys: readonly string[]
  counts: Partial<Record<string, number>>
  activeQuick: string
  push(patch: Record<string, string | number>): void
  pickQuick(k: string): void
  submitSearch(): void
  reset(): void
}

// What a quick filter sets; every other filter is cleared when it is picked.
export type QuickFilters<K extends string> = Record<K, Record<string, string>>

export function useCaseList<F extends PageFilters, T, K extends string>(
  path: string,
  defaults: F,
  fetch: (query: Record<string, string | number>) => Promise<Page<T>>,
  quick: QuickFilters<K>,
) {
  const list = useFilteredPage(path, defaults, fetch)
  const { filters, search, push } = list
  const quickKeys = Object.keys(quick) as K[]
  const counts = ref<Partial<Record<K, number>>>({})

  // The counts of the quick filters: one small request each, after the list is on screen.
  async function loadCounts() {
    const totals = await Promise.all(quickKeys.map((k) => fetch({ ...quick[k], page_size: 1 }).then((p) => p.total).catch(() => undefined)))
    counts.value = Object.fromEntries(quickKeys.map((k, i) => [k, totals[i]])) as Partial<Record<K, number>>
  }

  // The quick filter the address shows: all its filters set, and no other but the page.
  const activeQuick = computed<K | ''>(
    () =>
      quickKeys.find((k) =>
        Object.entries(filters).every(([f, v]) => f === 'page' || f === 'page_size' || v === (quick[k][f] ?? '')),
      ) ?? '',
  )

  function pickQuick(k: K) {
    search.value = ''
    const none: Record<string, string | number> = { page: 1 }
    for (const f of Object.keys(defaults)) if (f !== 'page' && f !== 'page_size') none[f] = ''
    push({ ...none, ...quick[k] } as Partial<F>)
  }

  // For onMounted: the first page, then the counts.
  async function start() {
    await list.start()
    loadCounts()
  }

  return { ...list, quickKeys, counts, activeQuick, pickQuick, start }
}
