/** OpenAPI paths of the five working systems' write side: dispute workflow, cards, transfer letters, live events. */
import { DEPARTMENTS } from '../domain/departments.ts';
import { ROLES } from '../domain/actors.ts';
import { DISPUTE_TYPES } from '../domain/dispute-types.ts';
import { DISPUTE_ACTIONS } from '../domain/dispute-workflow.ts';
import { MAX_PARTIES, NOTE_MAX, SUMMARY_CHARS } from '../domain/parse-workflow-body.ts';
import { TRANSFER_ACTIONS, TRANSFER_KINDS, TRANSFER_STATUSES } from '../domain/transfer-types.ts';

const ERROR = { $ref: '#/components/responses/Error' };
const CONFLICT = {
  description: 'Refused by the rules (`not_allowed`, with `refusal` and `reason` {zh, en}) or a stale `version` (`stale_version`)',
  content: { 'application/json': { schema: { type: 'object', properties: { code: { type: 'string' }, parameter: { type: 'string' }, message: { type: 'string' },
    refusal: { type: 'string', enum: ['resolved', 'state', 'level', 'role', 'unit'] }, reason: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } } } } } },
};
const ok = (description: string, type = 'application/json') => ({ description, content: { [type]: { schema: { type: 'object' } } } });
const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const id = (description: string) => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'integer', minimum: 1 } });
const body = (schema: Record<string, unknown>) => ({ required: true, content: { 'application/json': { schema } } });
const text = (min: number, max: number) => ({ type: 'string', minLength: min, maxLength: max });

const ACTOR = {
  type: 'object', required: ['role', 'unit'], additionalProperties: false,
  description: 'Optional: the actor is the logged-in user; one named here must be the session\'s own (else 403). unit = grid code (grid_worker), town code (town_leader), department code (department_officer), 620802 (commander)',
  properties: { role: { type: 'string', enum: [...ROLES] }, unit: { type: 'string' } },
};
const DEPT = { type: 'string', enum: DEPARTMENTS.map((d) => d.code) };
const POINT = {
  description: 'GeoJSON Point [lng, lat] or {lng, lat}',
  oneOf: [
    { type: 'object', required: ['type', 'coordinates'], properties: { type: { type: 'string', enum: ['Point'] }, coordinates: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } } },
    { type: 'object', required: ['lng', 'lat'], properties: { lng: { type: 'number' }, lat: { type: 'number' } } },
  ],
};

const REPORT = {
  type: 'object', required: ['geometry', 'type', 'summary'], additionalProperties: false,
  properties: {
    geometry: POINT, type: { type: 'string', enum: [...DISPUTE_TYPES] }, summary: text(SUMMARY_CHARS.min, SUMMARY_CHARS.max),
    parties: { type: 'array', maxItems: MAX_PARTIES, items: { type: 'object', required: ['role', 'name'], properties: {
      role: { type: 'string', enum: ['applicant', 'respondent'] }, name: text(1, 40), phone: text(3, 20), address: text(1, 100) } } },
    criminal_risk: { type: 'boolean', description: 'Default: by type (marriage_family, land_boundary)' }, actor: ACTOR,
  },
};
const DISPUTE_ACTION = {
  type: 'object', required: ['action'], additionalProperties: false,
  properties: {
    action: { type: 'string', enum: [...DISPUTE_ACTIONS] }, actor: ACTOR, note: text(1, NOTE_MAX),
    outcome: { ...text(1, NOTE_MAX), description: 'Required to resolve' }, to: { ...DEPT, description: 'escalate to department: a routed one (default the lead); transfer: required' },
    version: { type: 'integer', minimum: 1, description: 'Optimistic lock: the version the caller saw' },
  },
};
const TRANSFER = {
  type: 'object', required: ['kind', 'dispute_id', 'receiver', 'message'], additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: [...TRANSFER_KINDS], description: 'prompt 提示函 (department → the dispute’s town), assist 协办函 (the dispute’s town → a department)' },
    dispute_id: { type: 'integer', minimum: 1 }, receiver: { type: 'string', description: 'Town code (prompt) or department code (assist)' },
    message: text(4, 1000), reason: { ...text(1, NOTE_MAX), description: 'Required for an assist to a department not routed for the type' }, actor: ACTOR,
  },
};
const TRANSFER_ACTION = {
  type: 'object', required: ['action'], additionalProperties: false,
  properties: { action: { type: 'string', enum: [...TRANSFER_ACTIONS] }, actor: ACTOR, note: text(1, NOTE_MAX), version: { type: 'integer', minimum: 1 } },
};

export function workflowPaths(): Record<string, unknown> {
  return {
    '/disputes': { post: { summary: 'Report a dispute at a point: grid, village and town by point-in-polygon', requestBody: body(REPORT),
      responses: { 201: ok('The dispute'), 400: ERROR, 409: CONFLICT, 413: ERROR } } },
    '/disputes/{id}': { get: { summary: 'One dispute with its deadline card and the session\'s actions; with role and unit, another actor\'s; with include=parties, its parties (full for acting roles and audited, masked for analysts)',
      parameters: [id('Dispute id'), q('role', 'Actor role', { type: 'string', enum: [...ROLES] }), q('unit', 'Actor unit code'),
        q('include', 'parties: add the parties (personal data; the read is audited)', { type: 'string', enum: ['parties'] })],
      responses: { 200: ok('Dispute'), 400: ERROR, 403: ERROR, 404: ERROR } } },
    '/disputes/{id}/actions': { post: { summary: 'Apply an action (accept, mediate, resolve, escalate, transfer): version + 1 and one history event',
      parameters: [id('Dispute id')], requestBody: body(DISPUTE_ACTION), responses: { 200: ok('{dispute, event}'), 400: ERROR, 404: ERROR, 409: CONFLICT } } },
    '/disputes/{id}/history': { get: { summary: 'The dispute’s history in order (append-only)', parameters: [id('Dispute id')], responses: { 200: ok('{id, events}'), 404: ERROR } } },
    '/cards': { get: { summary: 'Yellow and red deadline cards per town, village or grid (within an area)',
      parameters: [q('level', 'town (default), village or grid', { type: 'string', enum: ['town', 'village', 'grid'] }), q('code', 'Only areas within this district, town or village code')],
      responses: { 200: ok('Counts per area'), 400: ERROR, 404: ERROR } } },
    '/transfers': {
      get: { summary: 'Transfer letters, newest first: a unit’s inbox or outbox', parameters: [q('unit', 'Town or department code'),
        q('box', 'inbox (default with unit), outbox or all', { type: 'string', enum: ['inbox', 'outbox', 'all'] }),
        q('status', 'A status, open or overdue', { type: 'string', enum: [...TRANSFER_STATUSES, 'open', 'overdue'] }), q('dispute_id', 'Letters about one dispute', { type: 'integer' }),
        q('limit', 'Page size', { type: 'integer', minimum: 1, maximum: 10000, default: 100 }), q('offset', 'Skip', { type: 'integer', minimum: 0 })],
      responses: { 200: ok('{total, transfers}'), 400: ERROR } },
      post: { summary: 'Send a prompt (提示函) or assistance (协办函) letter', requestBody: body(TRANSFER), responses: { 201: ok('The letter'), 400: ERROR, 404: ERROR, 409: CONFLICT } },
    },
    '/transfers/flows': { get: { summary: 'Open letters as lines from sender to receiver', responses: { 200: ok('GeoJSON FeatureCollection of LineStrings', 'application/geo+json') } } },
    '/transfers/{id}': { get: { summary: 'One letter with its history', parameters: [id('Letter id')], responses: { 200: ok('Letter'), 404: ERROR } } },
    '/transfers/{id}/actions': { post: { summary: 'receive, start, done (the receiver) or remind (the sender)', parameters: [id('Letter id')],
      requestBody: body(TRANSFER_ACTION), responses: { 200: ok('{transfer, event}'), 400: ERROR, 404: ERROR, 409: CONFLICT } } },
    '/events': { get: { summary: 'Server-sent events of every write (dispute, transfer); Last-Event-ID replays missed ones',
      parameters: [q('last_event_id', 'Same as the Last-Event-ID header', { type: 'integer' })],
      responses: { 200: { description: 'Event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, 400: ERROR } } },
  };
}
