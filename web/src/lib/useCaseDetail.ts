// One case (a petition, a suggestion, a dispute) read by the id in the address and read again when
// the id changes: what to say when it cannot be read, the place it lies in, and the units its
// events name. The kind names its words: `${kind}.notFound`, `${kind}.unit`.
import { caseBase, type CaseKind } from '@/lib/caseKind'
import { computed, onMounted, ref, watch, type Ref } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { api, ApiError } from '@/api/client'
import { describe } from '@/api/errors'
import type { Items, Region, Unit } from '@/api/types'

interface CaseRecord {
  region_code: string
  lead_unit?: { id: number; name: string } | null
}

export function useCaseDetail<C extends CaseRecord>(
  kind: CaseKind,
  get: (id: number) => Promise<C>,
  // What the screen forgets whenever the case is loaded.
  forget: () => void = () => undefined,
) {
  const { t } = useI18n()
  const route = useRoute()
  const item = ref<C | null>(null) as Ref<C | null>
  const loading = ref(true)
  const error = ref('')
  const units = ref<Unit[]>([])
  const place = ref('')
  const id = computed(() => Number(route.params.id))

  async function load() {
    loading.value = true
    error.value = ''
    forget()
    try {
      item.value = await get(id.value)
      loadPlace(item.value.region_code)
    } catch (e) {
      item.value = null
      error.value = e instanceof ApiError && e.status === 404 ? t(`${kind}.notFound`) : describe(e)
    } finally {
      loading.value = false
    }
  }

  async function loadPlace(code: string) {
    try {
      const r = await api.get<Region & { path_names?: string }>(`/api/v1/regions/${code}`)
      place.value = [r.path_names, r.name].filter(Boolean).join(' / ')
    } catch {
      place.value = code
    }
  }

  async function loadUnits() {
    try {
      units.value = (await api.get<Items<Unit>>('/api/v1/units')).items
    } catch {
      units.value = []
    }
  }
  const unitName = (uid: unknown) => {
    if (typeof uid !== 'number' || !uid) return ''
    if (item.value?.lead_unit?.id === uid) return item.value.lead_unit.name
    return units.value.find((u) => u.id === uid)?.name ?? t(`${kind}.unit`, { id: uid })
  }

  watch(id, () => {
    if (route.path.startsWith(`${caseBase(kind)}/`) && id.value) load()
  })
  onMounted(() => {
    load()
    loadUnits()
  })

  return { item, loading, error, units, place, unitName }
}
