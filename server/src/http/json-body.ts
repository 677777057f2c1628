/**
 * JSON request bodies for the write endpoints: at most BODY_LIMIT, and parse failures become the
 * usual 4xx JSON naming `body` (not the generic "malformed request" of the error handler).
 */
import express, { type RequestHandler } from 'express';
import { ApiError, invalidParameter } from '../domain/api-error.ts';

export const BODY_LIMIT = '16kb';

const parse = express.json({ limit: BODY_LIMIT, strict: true });

export const jsonBody: RequestHandler = (req, res, next) => {
  parse(req, res, (err?: unknown) => {
    if (!err) return next();
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') return next(new ApiError(413, 'invalid_parameter', 'body', `the body is larger than ${BODY_LIMIT}`));
    if (type === 'entity.parse.failed') return next(invalidParameter('body', 'the body is not valid JSON'));
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') return next(invalidParameter('body', 'the body must be UTF-8 JSON'));
    next(err);
  });
};
