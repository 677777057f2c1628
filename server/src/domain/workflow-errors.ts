/** 409s of the workflow: an action the rules refuse (with the reason in zh and en), or a stale version. */
import { ApiError, invalidParameter } from './api-error.ts';
import type { Refusal } from './workflow-reasons.ts';

export class RefusedError extends ApiError {
  readonly refusal: Refusal;

  constructor(refusal: Refusal, parameter = 'action') {
    super(409, 'not_allowed', parameter, refusal.reason.en);
    this.refusal = refusal;
  }

  override toJSON() {
    return { ...super.toJSON(), refusal: this.refusal.code, reason: this.refusal.reason };
  }
}

/** Input refusals name a field (400); the rest are conflicts with the current state or the actor (409). */
export function refusedError(r: Refusal): ApiError {
  return r.code === 'input' ? invalidParameter(r.field ?? 'body', r.reason.en) : new RefusedError(r);
}

/** A stale `version`: the 409 carries the current version and, when known, the current record. */
export class StaleVersionError extends ApiError {
  readonly current: number;
  readonly record: unknown;

  constructor(current: number, given: number, record: unknown = null) {
    super(409, 'stale_version', 'version', `version ${given} is stale: the record is at version ${current}; reload it and try again`);
    this.current = current;
    this.record = record;
  }

  override toJSON() {
    return { ...super.toJSON(), current_version: this.current, current: this.record };
  }
}

export function staleVersion(current: number, given: number, record: unknown = null): StaleVersionError {
  return new StaleVersionError(current, given, record);
}
