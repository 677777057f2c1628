/**
 * createApp(deps) builds the Express app and never listens: main.ts listens, tests call it directly.
 * Everything lives under /api; anything else is a JSON 404.
 */
import express from 'express';
import type { Database } from './db/database.ts';
import { errorHandler, notFoundHandler, type Logger } from './http/error-handler.ts';
import { requestId } from './http/request-id.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { itemsRoutes } from './routes/items-routes.ts';
import { ogcRoutes } from './routes/ogc-routes.ts';
import { responsibleRoutes } from './routes/responsible-routes.ts';
import { tileRoutes } from './routes/tile-routes.ts';
import { createFeaturesService } from './services/features-service.ts';
import { createResponsibleService } from './services/responsible-service.ts';
import { createTileService, DEFAULT_TILE_CACHE_SIZE, type TileService } from './services/tile-service.ts';

export interface AppDeps {
  db: Database;
  /** Tiles kept in the in-memory LRU cache (default 2000; 0 disables it). */
  tileCacheSize?: number;
  /** Where 500s are logged (default console). */
  log?: Logger;
}

/** Services the app holds, for callers that must reach them (e.g. invalidate tiles after an edit). */
export interface AppLocals {
  tiles: TileService;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Repeated keys become arrays and no nested objects: read-params rejects both as caller errors.
  app.set('query parser', 'simple');
  const features = createFeaturesService(deps.db);
  const tiles = createTileService(deps.db, deps.tileCacheSize ?? DEFAULT_TILE_CACHE_SIZE);
  (app.locals as AppLocals).tiles = tiles;

  const api = express.Router();
  api.use(ogcRoutes(features));
  api.use(itemsRoutes(features));
  api.use(tileRoutes(tiles, features));
  api.use(responsibleRoutes(createResponsibleService(deps.db)));
  api.use(healthRoutes(deps.db));

  app.use(requestId);
  app.use('/api', api);
  app.use(notFoundHandler);
  app.use(errorHandler(deps.log ?? console));
  return app;
}
