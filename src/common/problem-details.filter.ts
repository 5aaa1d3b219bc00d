import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { BusyError, DomainError, DomainErrorKind, TooLargeError } from './errors.js';
import { noteDenialIfNone } from './denial.js';
import { problem, ProblemDetails } from './problem-details.js';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  validation: 400,
  'not-found': 404,
  conflict: 409,
  rule: 422,
  'precondition-required': 428,
  'precondition-failed': 412,
  forbidden: 403,
  'too-large': 413,
  busy: 429,
};

// Everything leaves as application/problem+json; internals never reach the client.
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const body = this.toProblem(exception);
    if (body.status >= 500) {
      this.logger.error(
        `${request.method} ${request.routeOptions?.url ?? 'unknown route'} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (body.status === 401 || body.status === 403) {
      const userId = (request as { user?: { id?: string } }).user?.id;
      noteDenialIfNone(request, { reason: body.code ?? `status-${body.status}`, userId });
    }
    // RFC 9110: a 401 names the scheme it wants.
    if (body.status === 401) void reply.header('WWW-Authenticate', 'Bearer realm="seizure-register"');
    if (body.status === 503) void reply.header('Retry-After', '2');
    if (exception instanceof BusyError) void reply.header('Retry-After', String(exception.retryAfterSeconds));
    void reply
      .status(body.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(body);
  }

  toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      return problem(STATUS_BY_KIND[exception.kind], exception.message, {
        code: exception.code,
        ...(exception.errors.length > 0 ? { errors: exception.errors } : {}),
        ...(exception instanceof TooLargeError ? { limit: exception.limit, max: exception.max } : {}),
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const detail = Array.isArray(message)
        ? message.join('; ')
        : typeof message === 'string'
          ? message
          : exception.message;
      return problem(status, detail);
    }
    if (exception instanceof QueryFailedError) {
      return this.fromDatabase(exception);
    }
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's own errors: bad JSON, body too large, unsupported media type, …
      return problem(status, (exception as Error).message);
    }
    return problem(500, 'An unexpected error occurred. It has been logged.');
  }

  private fromDatabase(error: QueryFailedError): ProblemDetails {
    const raw = (error.driverError as { code?: unknown } | undefined)?.code;
    const code = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
    const message = `${error.message} ${code}`;
    if (/UNIQUE constraint|unique constraint|23505/i.test(message)) {
      return problem(409, 'A record with the same unique value already exists.', { code: 'UNIQUE_CLASH' });
    }
    if (/FOREIGN KEY constraint|foreign key constraint|23503/i.test(message)) {
      return problem(409, 'The record refers to, or is referred to by, another record.', {
        code: 'REFERENCE_CLASH',
      });
    }
    // Another process (a CLI import or backup) held SQLite's write lock past the busy timeout.
    if (code.startsWith('SQLITE_BUSY')) {
      return problem(503, 'The register is busy with another write; retry in a moment.', { code: 'BUSY' });
    }
    // PostgreSQL class 22 (data exception): a value it cannot store, e.g. a NUL character in text.
    if (code.startsWith('22')) {
      return problem(400, 'A value in the request cannot be stored (for example a NUL character in text).', {
        code: 'UNSTORABLE_VALUE',
      });
    }
    this.logger.error('Database error', error.stack);
    return problem(500, 'An unexpected error occurred. It has been logged.');
  }
}
