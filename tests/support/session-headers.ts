/**
 * Headers of a commander's session for tests that start their own server (shutdown, outage, fuzz):
 * logs in through the harness's logIn when log-in exists, otherwise no headers are needed.
 */
export async function sessionHeaders(base: string, username = 'commander'): Promise<Record<string, string>> {
  const harness = (await import('../api/api-harness.ts')) as { logIn?: (base: string, username: string) => Promise<{ headers: Record<string, string> }> };
  return typeof harness.logIn === 'function' ? (await harness.logIn(base, username)).headers : {};
}

/** The session headers an Api from startApi carries, if any. */
export function apiAuthHeaders(api: object): Record<string, string> {
  return (api as { auth?: { headers?: Record<string, string> } }).auth?.headers ?? {};
}
