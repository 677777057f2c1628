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
