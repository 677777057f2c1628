/**
 * RFC 3339 UTC with milliseconds, as Date.toISOString() writes it. The map endpoints use it because
 * dispute times (resolved_at, due_at, history events) carry milliseconds and history steps can be
 * seconds apart; property-sql.ts's isoTimeSql (whole seconds) stays for the OGC API.
 */
export function isoMillisSql(expr: string): string {
  return `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
