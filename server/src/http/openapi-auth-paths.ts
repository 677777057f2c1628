/** OpenAPI paths of log-in, sessions, wall-display credentials and the audit log, and the session cookie security scheme. */
const ERROR = { $ref: '#/components/responses/Error' };
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const body = (required: string[], properties: Record<string, unknown>) =>
  ({ required: true, content: { 'application/json': { schema: { type: 'object', required, additionalProperties: false, properties } } } });
const str = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const CSRF = { name: 'X-CSRF-Token', in: 'header', required: true, description: 'the value of the pingan_csrf cookie (every write with a session)', schema: { type: 'string' } };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const PUBLIC: never[] = [];
const query = (name: string, schema: Record<string, unknown>) => ({ name, in: 'query', required: false, schema });

export const SESSION_SECURITY = {
  securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pingan_session', description: 'set by POST /auth/login or /auth/display-login' } },
};

export function authPaths(): Record<string, unknown> {
  return {
    '/auth/login': { post: { summary: 'Log in: sets the pingan_session (HttpOnly) and pingan_csrf cookies', security: PUBLIC,
      requestBody: body(['username', 'password'], { username: str(64), password: str(200) }),
      responses: { 200: ok('{user, session}'), 400: ERROR, 401: ERROR, 429: { description: 'Too many failed log-ins; see Retry-After' } } } },
    '/auth/logout': { post: { summary: 'Log out: revokes the session', parameters: [CSRF], responses: { 204: { description: 'Logged out' }, 401: ERROR, 403: ERROR } } },
    '/auth/me': { get: { summary: 'The logged-in user and session', responses: { 200: ok('{user, session}'), 401: ERROR } } },
    '/auth/display-credentials': {
      get: { summary: 'Wall-display credentials (commander only; never their tokens)', responses: { 200: ok('{credentials}'), 401: ERROR, 403: ERROR } },
      post: { summary: 'A new wall-display credential (commander only); its token is in this answer only', parameters: [CSRF],
        requestBody: body(['label'], { label: str(80), username: str(64) }), responses: { 201: ok('{id, label, username, token, created_at}'), 400: ERROR, 401: ERROR, 403: ERROR } },
    },
    '/auth/display-credentials/{id}': { delete: { summary: 'Revoke a display credential and its sessions (commander only)', parameters: [id, CSRF],
      responses: { 200: ok('{id, revoked_at}'), 401: ERROR, 403: ERROR, 404: ERROR } } },
    '/audit': { get: { summary: 'Search the audit log, newest first (commander only)',
      parameters: [...['username', 'action', 'target_kind', 'target_id', 'datetime'].map((name) => query(name, { type: 'string' })),
        query('limit', { type: 'integer', minimum: 1, maximum: 1000 }), query('offset', { type: 'integer', minimum: 0 })],
      responses: { 200: ok('{total, limit, offset, entries}'), 400: ERROR, 401: ERROR, 403: ERROR } } },
    '/auth/display-login': { post: { summary: 'Log a wall display in with its credential', security: PUBLIC,
      requestBody: body(['token'], { token: str(200) }), responses: { 200: ok('{user, session}'), 401: ERROR, 429: { description: 'Too many failed attempts' } } } },
  };
}
