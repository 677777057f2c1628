/** Display helpers: local (UTC+8) dates and distances. */
import { localDateTime as localText } from '@domain/local-time.ts';

export function localDateTime(iso: string | null | undefined): string {
  return iso ? localText(new Date(iso)) : '—';
}

export function metres(m: number, unit: string): string {
  return m >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${Math.round(m)} ${unit}`;
}
