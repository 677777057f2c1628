/** Named SQL feeding the in-memory point indexes (supercluster) and the hotspot point list. */
import type { AccessScope } from '../domain/access-scope.ts';
import type { DisputeType } from '../domain/dispute-types.ts';
import type { CameraProgram, StatusFilter } from '../domain/parse-cluster-query.ts';
import { disputeScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/**
 * Disputes reported in [start, end), optionally of one type and one current status (`open`: any
 * but resolved): columns id, lon, lat, type, status, criminal_risk; ordered by id.
 */
export function disputePointsSql(scope: AccessScope, start: Date, end: Date, type: DisputeType | null, status: StatusFilter | null): SqlQuery {
  const p = new Params();
  const where = [
    `d.reported_at >= ${p.add(start.toISOString(), 'timestamptz')}`,
    `d.reported_at < ${p.add(end.toISOString(), 'timestamptz')}`,
    disputeScopeSql(scope, 'd', p),
  ];
  if (type) where.push(`d.type = ${p.add(type, 'text')}`);
  if (status === 'open') where.push(`d.status <> 'resolved'`);
  else if (status) where.push(`d.status = ${p.add(status, 'text')}`);
  const text = `SELECT d.id, ST_X(d.geom) AS lon, ST_Y(d.geom) AS lat, d.type, d.status, d.criminal_risk
    FROM disputes d WHERE ${where.join(' AND ')} ORDER BY d.id`;
  return { text, values: p.values };
}

/** Cameras, optionally of one programme: columns id, code, name, program, lon, lat; ordered by id. */
export function cameraPointsSql(scope: AccessScope, program: CameraProgram | null): SqlQuery {
  const p = new Params();
  const where = ['TRUE'];
  if (program) where.push(`c.program = ${p.add(program, 'text')}`);
  const text = `SELECT c.id, c.code, c.name, c.program, ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat FROM cameras c WHERE ${where.join(' AND ')} ORDER BY c.id`;
  return { text, values: p.values };
}
