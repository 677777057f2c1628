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

export function staleVersion(current: number, given: number): ApiError {
  return new ApiError(409, 'stale_version', 'version', `version ${given} is stale: the record is at version ${current}; reload it and try again`);
}
