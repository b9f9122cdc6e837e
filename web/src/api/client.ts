// The one way the UI talks to the server: JSON over fetch with the session cookie, the CSRF token
// on every write, and errors turned into ApiError values that screens show and forms map to fields.

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public field: string | undefined,
    /// Seconds after which the same request may succeed (Retry-After of a 429 or a 503).
    public retryAfter?: number,
  ) {
    super(message)
  }
}

function retryAfterOf(res: Response): number | undefined {
  const value = res.headers.get('Retry-After')
  return value && /^\d+$/.test(value) ? Number(value) : undefined
}

const CSRF_KEY = 'shegong.csrf'
// Servers that answer GET /api/v1/session with the CSRF token give it on every load, and it is
// kept in memory only. Older servers gave it only at sign-in, so it was kept in localStorage for a
// reload or a new tab to keep writing; a token found there is used until the server sends one.
let csrfToken = localStorage.getItem(CSRF_KEY) ?? ''

export function setCsrfToken(token: string, remember = false) {
  csrfToken = token
  if (token && remember) localStorage.setItem(CSRF_KEY, token)
  else localStorage.removeItem(CSRF_KEY)
}

/// The current token, for code that writes with fetch directly.
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {}
}

export function hasCsrfToken() {
  return csrfToken !== ''
}

type Query = Record<string, string | number | boolean | undefined | null>

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    params.set(k, String(v))
  }
  const s = params.toString()
  return s ? `${path}?${s}` : path
}

let onUnauthenticated: (() => void) | null = null
export function whenSignedOut(handler: () => void) {
  onUnauthenticated = handler
}

// A read refused for a moment (503 with a short Retry-After: a write lock held too long, a database
// connection lost) is asked once more after the wait, so a screen loads through a database restart.
// A write is left to the person: not every write carries an Idempotency-Key.
const READ_RETRY_WITHIN_S = 5

async function request<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  const h: Record<string, string> = { Accept: 'application/json', ...headers }
  if (body !== undefined) h['Content-Type'] = 'application/json'
  if (method !== 'GET' && csrfToken) h['X-CSRF-Token'] = csrfToken
  const send = async () => {
    try {
      return await fetch(path, {
        method,
        headers: h,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      })
    } catch {
      throw new ApiError(0, 'network', 'the server cannot be reached', undefined)
    }
  }
  let res = await send()
  if (method === 'GET' && res.status === 503) {
    const wait = retryAfterOf(res)
    if (wait !== undefined && wait <= READ_RETRY_WITHIN_S) {
      await new Promise((resolve) => setTimeout(resolve, wait * 1000))
      res = await send()
    }
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; field?: string } } | null)?.error
    const err = new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, e?.field, retryAfterOf(res))
    if (res.status === 401 && !path.startsWith('/api/v1/session') && !path.startsWith('/api/v1/public/')) onUnauthenticated?.()
    throw err
  }
  return json as T
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body ?? {}, headers),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  del: <T>(path: string) => request<T>('DELETE', path),
}

/// Downloads a file the server renders (the xlsx ledger) with the session cookie.
export async function download(path: string, query: Query, filename: string) {
  const res = await fetch(withQuery(path, query), { credentials: 'same-origin' })
  if (!res.ok) {
    let e: { code?: string; message?: string; field?: string } | undefined
    try {
      e = (await res.json()).error
    } catch {
      e = undefined
    }
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, e?.field, retryAfterOf(res))
  }
  const blob = await res.blob()
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
