// One clock for every countdown on the page, ticking every 30 seconds.
import { ref } from 'vue'

export const now = ref(Date.now())
setInterval(() => (now.value = Date.now()), 30_000)
