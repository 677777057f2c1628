/**
 * createApp(deps) builds the Express app and never listens: main.ts listens, tests call it directly.
 * The API lives under /api (unknown API routes are JSON 404s); with a built client in `clientDir`,
 * everything else serves the client (see http/client-static.ts).
 */
import express from 'express';
import { NO_BASEMAPS, type AuthSettings, type BasemapSettings } from './config.ts';
import type { Database } from './db/database.ts';
import { DEFAULT_RISK_THRESHOLDS, type RiskThresholds } from './domain/risk-config.ts';
import type { TimeLimits } from './domain/time-limits.ts';
import { ALL_SCOPE } from './domain/access-scope.ts';
import { clientConfigDocument } from './http/client-config-document.ts';
import { clientStatic } from './http/client-static.ts';
import { pageBootstrap } from './http/page-bootstrap.ts';
import { errorHandler, notFoundHandler, type Logger } from './http/error-handler.ts';
import { requestId } from './http/request-id.ts';
import { securityHeaders } from './http/security-headers.ts';
import { writeRateLimit, type WriteRateLimit } from './http/write-rate-limit.ts';
import { sessionActor } from './http/session-actor.ts';
import { attachSession, requireSession } from './http/session-auth.ts';
import { endStreamsWithSession } from './http/session-stream.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { createAuditService } from './services/audit-service.ts';
import { createAuthService } from './services/auth-service.ts';
import { createSessionService, DEFAULT_SESSION_SETTINGS } from './services/session-service.ts';
import { areaRoutes } from './routes/area-routes.ts';
import { cameraRoutes } from './routes/camera-routes.ts';
import { clientConfigRoutes } from './routes/client-config-routes.ts';
import { disputeRoutes } from './routes/dispute-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { itemsRoutes } from './routes/items-routes.ts';
import { labelsRoutes } from './routes/labels-routes.ts';
import { ogcRoutes } from './routes/ogc-routes.ts';
import { reportingRoutes } from './routes/reporting-routes.ts';
import { responsibleRoutes } from './routes/responsible-routes.ts';
import { riskRoutes } from './routes/risk-routes.ts';
import { searchRoutes } from './routes/search-routes.ts';
import { tileRoutes } from './routes/tile-routes.ts';
import { workflowApi } from './routes/workflow-api.ts';
import { createAreaService, type AreaService } from './services/area-service.ts';
import { createAreaReportService } from './services/area-report-service.ts';
import { createHotspotsService, type HotspotsService } from './services/hotspots-service.ts';
import { hotspotsRoutes } from './routes/hotspots-routes.ts';
import { wallRoutes } from './routes/wall-routes.ts';
import { createWallService } from './services/wall-service.ts';
import { createResolutionService } from './services/resolution-service.ts';
import { areaReportRoutes } from './routes/area-report-routes.ts';
import { createClientConfigService } from './services/client-config-service.ts';
import { createClusterService, type ClusterService } from './services/cluster-service.ts';
import { createDisputeContextService } from './services/dispute-context-service.ts';
import { createFeaturesService } from './services/features-service.ts';
import { createLabelsService } from './services/labels-service.ts';
import { createResponsibleService } from './services/responsible-service.ts';
import { createRiskService, type RiskService } from './services/risk-service.ts';
import { createSearchService } from './services/search-service.ts';
import { createTileService, DEFAULT_TILE_CACHE_SIZE, type TileService } from './services/tile-service.ts';

export interface AppDeps {
  db: Database;
  /** Tiles kept in the in-memory LRU cache (default 2000; 0 disables it). */
  tileCacheSize?: number;
  /** Where 500s are logged (default console). */
  log?: Logger;
  /** Four-colour risk thresholds (default DEFAULT_RISK_THRESHOLDS). */
  risk?: RiskThresholds;
  /** Online basemaps offered to the client (default: none but the offline one). */
  basemaps?: BasemapSettings;
  /** The built client (index.html + assets/); served when the folder has an index.html. */
  clientDir?: string;
  /** The clock: default periods end now (tests pin it to the seeded data's as-of date). */
  now?: () => Date;
  /** Dispute and transfer time limits (default DEFAULT_TIME_LIMITS; TIME_LIMITS overrides). */
  timeLimits?: TimeLimits;
  /** Writes per client address (default: unlimited; main.ts passes WRITE_RATE_PER_MIN). */
  writeRateLimit?: WriteRateLimit | null;
  /** Retry-After (s) of a 503 while the database cannot be reached (default 5). */
  databaseRetryAfterS?: number;
  /** Session lifetimes and cookie flags (default: 8 h idle, 7 days at most, displays 90 days; Secure on HTTPS). */
  auth?: Partial<AuthSettings>;
  /** How often an open live stream checks that its session still lives (default 15 s). */
  sessionStreamCheckMs?: number;
  /**
   * Reverse proxies in front whose X-Forwarded-For is believed (default 0: the peer address is the
   * client). Rate limits, log-in throttling and the audit log's "from where" use that address.
   */
  trustProxyHops?: number;
}

/** Services the app holds, for callers that must reach them (e.g. invalidate caches after an edit). */
export interface AppLocals {
  tiles: TileService;
  risk: RiskService;
  clusters: ClusterService;
  areas: AreaService;
  hotspots: HotspotsService;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxyHops) app.set('trust proxy', deps.trustProxyHops);
  // Repeated keys become arrays and no nested objects: read-params rejects both as caller errors.
  app.set('query parser', 'simple');
  // Express would hash every body for a weak ETag: tiles set their own, and for a 1.4 MB items page
  // the hashing alone cost ~8% of the request (BENCHMARKS.md), so it is off.
  app.set('etag', false);
  const now = deps.now ?? (() => new Date());
  const riskConfig = deps.risk ?? DEFAULT_RISK_THRESHOLDS;
  const features = createFeaturesService(deps.db);
  const tiles = createTileService(deps.db, deps.tileCacheSize ?? DEFAULT_TILE_CACHE_SIZE);
  const risk = createRiskService(deps.db, riskConfig, now, deps.timeLimits);
  const clusters = createClusterService(deps.db, now);
  const areas = createAreaService(deps.db, now);
  const hotspots = createHotspotsService(deps.db, now);
  Object.assign(app.locals as AppLocals, { tiles, risk, clusters, areas, hotspots });

  const audit = createAuditService(deps.db, now);
  const sessions = createSessionService(deps.db, now, { ...DEFAULT_SESSION_SETTINGS, ...deps.auth });
  const auth = createAuthService(deps.db, sessions, audit, now);

  const api = express.Router();
  // Every /api route but health, log-in and the API's documentation needs a session (http/session-auth.ts).
  api.use(requireSession());
  api.use(authRoutes(auth, { secureCookies: deps.auth?.secureCookies ?? false }, now));
  api.use(auditRoutes(deps.db, audit));
  api.use(sessionActor(audit));
  api.use(endStreamsWithSession(sessions, deps.sessionStreamCheckMs));
  api.use(ogcRoutes(features));
  api.use(itemsRoutes(features, audit));
  api.use(tileRoutes(tiles, features));
  api.use(responsibleRoutes(createResponsibleService(deps.db), audit));
  api.use(riskRoutes(risk, now));
  api.use(areaRoutes(areas, audit, now));
  api.use(searchRoutes(createSearchService(deps.db)));
  api.use(disputeRoutes(clusters, createDisputeContextService(deps.db, now), now));
  api.use(cameraRoutes(clusters));
  api.use(labelsRoutes(createLabelsService(deps.db)));
  const clientConfigData = createClientConfigService(deps.db, now);
  const clientConfig = async () => clientConfigDocument(await clientConfigData.get(ALL_SCOPE), riskConfig, deps.basemaps ?? NO_BASEMAPS, now());
  api.use(clientConfigRoutes(clientConfig));
  api.use(reportingRoutes(deps.db, risk, now));
  api.use(hotspotsRoutes(hotspots, now));
  api.use(wallRoutes(createWallService(deps.db, createResolutionService(deps.db), risk, now)));
  api.use(areaReportRoutes(createAreaReportService(deps.db, risk, hotspots, now), audit, now));
  api.use(workflowApi({ db: deps.db, now, limits: deps.timeLimits, locals: app.locals, audit }));
  api.use(healthRoutes(deps.db, deps.databaseRetryAfterS));

  app.use(securityHeaders(deps.basemaps ?? NO_BASEMAPS));
  app.use(requestId);
  if (deps.writeRateLimit) app.use('/api', writeRateLimit(deps.writeRateLimit));
  app.use(attachSession(sessions));
  app.use('/api', api);
  // An anonymous visitor's page carries no data: the client shows its log-in instead.
  const bootstrap = pageBootstrap(clientConfig, risk, now);
  const client = deps.clientDir ? clientStatic(deps.clientDir, (req) => (req.user ? bootstrap(req.user) : Promise.resolve(null))) : null;
  if (client) app.use(client);
  app.use(notFoundHandler);
  app.use(errorHandler(deps.log ?? console, deps.databaseRetryAfterS));
  return app;
}
