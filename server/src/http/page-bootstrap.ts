/**
 * What index.html carries for the map's first render (script#pingan-bootstrap, http/client-static.ts):
 * the client config, and the four-colour level of every town, village and grid for the default
 * period, so the map draws its colours with the first tiles instead of re-laying them out when the
 * risk requests answer (BENCHMARKS.md, issue 3). The same figures as /api/config and /api/risk,
 * limited to the areas the user's scope may see.
 */
import { areaInScope } from '../domain/access-scope.ts';
import type { AreaKind } from '../domain/area-kinds.ts';
import { parsePeriod } from '../domain/parse-period.ts';
import type { RiskLevel } from '../domain/risk-levels.ts';
import { scopeOf, type SessionUser } from '../domain/user-roles.ts';
import { userJson } from '../routes/auth-routes.ts';
import type { RiskService } from '../services/risk-service.ts';

export interface PageBootstrap {
  config: { default_period: { from: string; to: string } };
  risk: { from: string; to: string; levels: Record<Exclude<AreaKind, 'district'>, Record<string, RiskLevel>> } | null;
}

export function pageBootstrap<C extends PageBootstrap['config']>(config: () => Promise<C>, risk: RiskService, now: () => Date) {
  // With the logged-in user, so the client knows who it is without asking /api/auth/me.
  return async (user: SessionUser): Promise<{ config: C; risk: PageBootstrap['risk']; user: ReturnType<typeof userJson> }> => {
    const c = await config();
    const { from, to } = c.default_period;
    const period = parsePeriod(from, to, now());
    // One pass over the cached risk map (the same one /api/risk lists from); names are not needed here.
    const levels: NonNullable<PageBootstrap['risk']>['levels'] = { town: {}, village: {}, grid: {} };
    const scope = scopeOf(user);
    for (const a of (await risk.map(period)).tree.areas.values()) if (a.kind !== 'district' && areaInScope(scope, a.code)) levels[a.kind][a.code] = a.level;
    return { config: c, risk: { from, to, levels }, user: userJson(user) };
  };
}
