/** The only place that calls fetch(): JSON GETs with a clear error carrying the server's message. */
export class ApiRequestError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

export async function getJson<T>(path: string, params: Record<string, string | number | null | undefined> = {}, signal?: AbortSignal): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const url = q.size ? `${path}?${q}` : path;
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new ApiRequestError(res.status, body.message ?? `${res.status} ${res.statusText}`);
  }
  return res.json() as Promise<T>;
}

/** The CSRF token the server set at log-in (the readable pingan_csrf cookie), echoed on every write. */
export function csrfToken(cookies: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  const m = /(?:^|;\s*)pingan_csrf=([^;]*)/.exec(cookies);
  return m ? decodeURIComponent(m[1]) : null;
}

/** A JSON POST; a refusal (4xx) throws ApiRequestError with the server's message (zh/en reason when given). */
export async function postJson<T>(path: string, body: unknown, lang: 'zh' | 'en' = 'zh'): Promise<T> {
  const csrf = csrfToken();
  const res = await fetch(path, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
  });
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiRequestError(res.status, json.reason?.[lang] ?? json.message ?? `${res.status} ${res.statusText}`);
  return json as T;
}
