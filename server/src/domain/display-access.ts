/**
 * What a wall display may read: an allow-list of API paths (relative to /api) that carry no personal
 * data at all — the map's layers and figures. Records of individual disputes and letters, ledgers,
 * reports, exports and the audit log are not on it (403), and any endpoint added later stays closed
 * to displays until it is added here.
 */
const DISPLAY_PATHS: readonly RegExp[] = [
  /^\/auth\/(me|logout)$/,
  /^\/config$/,
  /^\/risk(\/[0-9]{6,15}(\/history)?)?$/,
  /^\/tiles\/.+$/,
  /^\/labels$/,
  /^\/search$/,
  /^\/disputes\/(clusters|points)$/,
  /^\/cameras\/clusters$/,
  // Every collection but the disputes (their records carry free text); personal fields are nulled.
  /^\/collections(\/(?!disputes(\/|$))[a-z-]+(\/(items(\/[0-9]+)?|queryables))?)?$/,
  /^\/areas\/[0-9]{6,15}$/,
  /^\/responsible$/,
  /^\/stats\/resolution$/,
  /^\/ranking$/,
  /^\/screening$/,
  /^\/cards$/,
  /^\/hotspots(\/emerging)?$/,
  /^\/repeats$/,
  // The wall's own figures: counts and area levels only.
  /^\/wall\/summary$/,
  /^\/transfers\/flows$/,
  /^\/events$/,
];

/** Whether a wall display may call this /api path (trailing slash ignored). */
export function displayMayRead(path: string): boolean {
  const p = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return DISPLAY_PATHS.some((r) => r.test(p));
}
