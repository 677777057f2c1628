/** Display helpers: local (UTC+8) dates and distances. */
export function localDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

export function metres(m: number, unit: string): string {
  return m >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${Math.round(m)} ${unit}`;
}
