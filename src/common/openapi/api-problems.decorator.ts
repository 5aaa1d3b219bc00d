import { applyDecorators } from '@nestjs/common';
import { ApiExtension, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_MEDIA_TYPE, ProblemDto } from './problem.dto.js';

export type ProblemStatus = 400 | 401 | 403 | 404 | 406 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 500 | 503;

// What each status means in this register; an operation may say more with @ApiProblem(status, description).
export const PROBLEM_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'A field, parameter or header is invalid; `errors` names each one. Nothing is written.',
  401: 'No valid bearer token (missing, unknown, revoked or expired).',
  403: "The token's role may not do this.",
  404: 'No such record (or list).',
  406: 'The Accept header asks for a format this operation cannot give.',
  409: 'Clashes with the register as it stands (a unique value taken, or a record in the way).',
  412: 'If-Match does not match the current version: read the record again.',
  413: 'The body is larger than the limit.',
  415: 'The Content-Type is not one this operation reads.',
  422: 'Well-formed, but breaks a rule of the register; `errors` names the field.',
  428: 'If-Match is required: send the ETag of the record as you read it.',
  429: 'Too many failed authentication attempts from this client; wait for Retry-After seconds.',
  500: 'An unexpected failure; it has been logged. The problem carries no detail of it.',
  503: 'The register is busy (another write holds the database); retry after Retry-After seconds.',
};

export const RETRY_AFTER_HEADER = {
  description: 'Seconds to wait before trying again.',
  required: true,
  schema: { type: 'integer', minimum: 0 },
} as const;

export function problemResponse(status: ProblemStatus, description = PROBLEM_DESCRIPTIONS[status]) {
  return {
    description,
    content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
    ...(status === 429 || status === 503 ? { headers: { 'Retry-After': RETRY_AFTER_HEADER } } : {}),
  };
}

// Read by completeDocument (openapi-document.ts), which turns each into a problem response and removes it.
// (A plain @ApiResponse would stop SwaggerModule from adding the 2xx answer it reads from the return type.)
export const PROBLEM_EXTENSION = /^x-problem-([0-9]{3})$/;

/**
 * The error answers an operation can give besides the ones every operation gets from its shape
 * (401/429 when it needs a token, 403 when not every role may call it, 400/404 for path ids, 400 for
 * query and body, 413/415 for bodies, 503 for writes: see openapi-document.ts). One line per operation:
 * `@ApiProblems(409, 412, 422, 428)`.
 */
export function ApiProblems(...statuses: ProblemStatus[]): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiExtension(`x-problem-${status}`, { description: PROBLEM_DESCRIPTIONS[status] }),
    ),
  ) as MethodDecorator;
}

// The register's limit for expensive work (src/common/work-limiter.ts): imports, exports, FOI reports and
// counts answer 429 with Retry-After when it is full, besides the failed-authentication limit.
export const HEAVY_WORK_429 =
  'The register is running as many imports, exports, reports and counts as it allows (or this client made ' +
  'too many failed authentication attempts); wait for Retry-After seconds.';

/** An expensive operation run under the work limiter: its 429 says so (Retry-After is documented). */
export function ApiHeavyWork(): MethodDecorator {
  return ApiProblem(429, HEAVY_WORK_429);
}

/** One error answer with an operation-specific description, e.g. `@ApiProblem(422, 'The custody event …')`. */
export function ApiProblem(status: ProblemStatus, description: string): MethodDecorator {
  return ApiExtension(`x-problem-${status}`, { description }) as MethodDecorator;
}
