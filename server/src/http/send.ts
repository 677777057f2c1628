import type { Response } from 'express';

export const JSON_TYPE = 'application/json';
export const GEOJSON_TYPE = 'application/geo+json';
export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';
export const SCHEMA_TYPE = 'application/schema+json';

/** Sends a value as JSON with an explicit media type (OGC clients check it). */
export function sendJson(res: Response, body: unknown, type = JSON_TYPE, status = 200): void {
  sendJsonText(res, JSON.stringify(body), type, status);
}

/** Sends JSON that is already text (features built by the database). */
export function sendJsonText(res: Response, text: string, type = JSON_TYPE, status = 200): void {
  res.status(status).type(type).send(text);
}
