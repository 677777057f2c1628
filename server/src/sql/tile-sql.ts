/**
 * One shared SQL pipeline for Mapbox Vector Tiles, used by both engines so they cut the same
 * features with the same geometry:
 *
 *   filter   geom && tile envelope (+ buffer) transformed to EPSG:4326   → uses the GiST index
 *   project  ST_Transform(geom, 3857)
 *   clip     ST_ClipByBox2D to the buffered envelope                     → cheap, may leave slivers
 *   simplify ST_Simplify with 1 tile unit (extent 4096) as tolerance     → "simplified per zoom"
 *   affine   ST_Affine to 0..4096 with y flipped (MVT y grows downward)
 *   snap     ST_SnapToGrid(…, 1) to integer tile coordinates, then keep only the layer's dimension
 *   orient   ST_ForcePolygonCCW: PostGIS measures orientation with y up, and in the flipped tile
 *            space "counter-clockwise in numbers" is exactly the MVT rule that exterior rings have
 *            positive surveyor's-formula area (they look clockwise on screen)
 *   drop     NULL and empty results (the CTE is MATERIALIZED so the pipeline runs once per row,
 *            not once per reference in the filters)
 *
 * Real PostGIS then aggregates with ST_AsMVT (output 'mvt'); PGlite has no protobuf support, so it
 * returns rows with the tile-space geometry as GeoJSON (output 'rows') for the TypeScript encoder.
 * Reference: Mapbox Vector Tile Specification 2.1, §4.3 (geometry encoding, winding order).
 */
import type { AccessScope } from '../domain/access-scope.ts';
import { findTileLayer, tilePropertiesOf, type CollectionDef, type GeometryType } from '../domain/collections.ts';
import type { TileAddress } from '../domain/parse-tile-address.ts';
import { assertIdentifier } from '../domain/property-defs.ts';
import { propertySql } from './property-sql.ts';
import { collectionScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/** Tile coordinate range (MVT `extent`). */
export const TILE_EXTENT = 4096;
/** Buffer around the tile in tile units, so strokes and symbols are not cut at tile edges. */
export const TILE_BUFFER = 64;

/** 'mvt': one row, column `mvt` (bytea). 'rows': id, properties…, `geometry` (tile-space GeoJSON text). */
export type TileOutput = 'mvt' | 'rows';

const DIMENSION: Record<GeometryType, number> = { Point: 1, LineString: 2, MultiPolygon: 3 };

/**
 * The SQL of one vector tile of one layer. Exported so benchmarks can run exactly what the server
 * runs, through `pg` or PGlite, without HTTP.
 * @param layer a tile layer id (`grids`, `disputes`, `context-lines`, …) or its definition
 * @param tile XYZ address (y from the north, as in /{z}/{x}/{y}.mvt)
 * @param output 'mvt' needs real PostGIS (ST_AsMVT); 'rows' runs on both engines
 */
export function tileSql(scope: AccessScope, layer: CollectionDef | string, tile: TileAddress, output: TileOutput): SqlQuery {
  const def = typeof layer === 'string' ? findTileLayer(layer) : layer;
  if (!def) throw new Error(`unknown tile layer: ${String(layer)}`);
  const props = tilePropertiesOf(def);
  const params = new Params();
  const [z, x, y] = [params.add(tile.z, 'int'), params.add(tile.x, 'int'), params.add(tile.y, 'int')];
  const buffer = params.add(TILE_BUFFER, 'float8');
  const scale = `${TILE_EXTENT}.0`;
  const propCols = props.map((p) => `${propertySql('t', p)} AS ${p.name}`);
  const names = props.map((p) => assertIdentifier(p.name));
  const text = `WITH bounds AS (
    SELECT env, ST_Expand(env, (ST_XMax(env) - ST_XMin(env)) * ${buffer} / ${scale}) AS clip,
      ST_XMin(env) AS x0, ST_YMax(env) AS y0, ST_XMax(env) - ST_XMin(env) AS w, ST_YMax(env) - ST_YMin(env) AS h
    FROM (SELECT ST_TileEnvelope(${z}, ${x}, ${y}) AS env) e
  ), tiled AS MATERIALIZED (
    SELECT t.id${propCols.map((c) => `, ${c}`).join('')},
      ST_ForcePolygonCCW(ST_CollectionExtract(ST_SnapToGrid(ST_Affine(
        ST_Simplify(ST_ClipByBox2D(ST_Transform(t.geom, 3857), b.clip), b.w / ${scale}),
        ${scale} / b.w, 0, 0, -${scale} / b.h, -b.x0 * ${scale} / b.w, b.y0 * ${scale} / b.h), 1), ${DIMENSION[def.geometryType]})) AS geom
    FROM ${def.table} t CROSS JOIN bounds b
    WHERE t.geom && ST_Transform(b.clip, 4326) AND ${collectionScopeSql(scope, def, 't', params)}
  ), feats AS (
    SELECT * FROM tiled WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom) ORDER BY id
  )
  ${output === 'mvt'
    ? `SELECT ST_AsMVT(feats, ${params.add(def.id, 'text')}, ${TILE_EXTENT}, 'geom', 'id') AS mvt FROM feats`
    : `SELECT id${names.map((n) => `, ${n}`).join('')}, ST_AsGeoJSON(geom) AS geometry FROM feats`}`;
  return { text, values: params.values };
}
