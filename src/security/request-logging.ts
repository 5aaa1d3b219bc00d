import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { IncomingMessage } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger, type LoggerOptions } from 'pino';
import { denialOf } from '../common/denial.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The register's pino logger (request lines and the application's own messages). */
export const REQUEST_LOGGER = Symbol('REQUEST_LOGGER');

// The path only: query strings can carry names (e.g. a search), so they are never logged.
export function loggedPath(url: string | undefined): string {
  const end = url === undefined ? -1 : url.indexOf('?');
  return (end < 0 ? (url ?? '') : url!.slice(0, end)).slice(0, 200);
}

// A well-formed incoming X-Request-Id is kept (to follow a request across a proxy), else a new UUID.
export function incomingRequestId(req: { headers: IncomingMessage['headers'] }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

// No headers, no bodies, no query strings; the redaction backs the serializers up.
export function requestLoggingOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: ['req.headers', 'req.body', 'req.query', 'res.headers', 'err.query', 'err.parameters'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        path: loggedPath(req.url),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

type PrettyFactory = (options: Record<string, unknown>) => NodeJS.WritableStream;

// In a terminal (stdout is a TTY) the lines are made readable by pino-pretty (a development
// dependency: when it is not installed, JSON as elsewhere); piped to a file or a log collector, JSON.
export function createRequestLogger(
  level: string,
  terminal = Boolean(process.stdout.isTTY),
  destination: NodeJS.WritableStream = process.stdout,
): Logger {
  const options = requestLoggingOptions(level);
  const pretty = terminal ? prettyFactory() : null;
  if (!pretty) return destination === process.stdout ? pino(options) : pino(options, destination);
  return pino(
    options,
    pretty({
      colorize: terminal && destination === process.stdout,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
      destination,
      sync: true,
    }),
  );
}

function prettyFactory(): PrettyFactory | null {
  try {
    const loaded = createRequire(import.meta.url)('pino-pretty') as PrettyFactory & {
      default?: PrettyFactory;
    };
    return loaded.default ?? loaded;
  } catch {
    return null;
  }
}

// One JSON line per request once it is answered: id, method, path, status, duration (ms), at info, warn
// (4xx) or error (5xx). Health probes (load balancers poll them) are not logged. A Fastify hook: no
// per-request middleware, child logger or async context.
export function registerRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  if (logger.level === 'silent') return;
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = loggedPath(request.url);
    if (path !== '/health') {
      const status = reply.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      const line: Record<string, unknown> = {
        req: { id: request.id, method: request.method, url: path },
        res: { statusCode: status },
        responseTime: Math.round(reply.elapsedTime),
      };
      let message = `${request.method} ${path} ${status}`;
      if (status === 401 || status === 403 || status === 429) {
        // Who was refused what, and why: the address, the user id when the token named one, the route
        // pattern and the reason. Never the token, a name or the query string.
        const denial = denialOf(request);
        const route = request.routeOptions?.url ?? path;
        const reason = denial?.reason ?? `status-${status}`;
        line.security = { client: request.ip, userId: denial?.userId ?? null, route, reason };
        message = `denied ${request.method} ${route} ${status} ${reason}`;
      }
      logger[level](line, message);
    }
    done();
  });
}

// Nest's own messages (start-up, unexpected errors) as pino lines on the same logger.
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(
    level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace',
    message: unknown,
    context?: string,
  ) {
    if (message instanceof Error) this.logger[level]({ err: message, context }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...message, context });
    else this.logger[level]({ context }, String(message));
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  // Nest passes (message, stack, context), (message, context) or (message, stack).
  error(message: unknown, ...rest: unknown[]): void {
    const texts = rest.filter((r): r is string => typeof r === 'string');
    const stack = texts.find((t) => t.includes('\n'));
    const context = texts.filter((t) => t !== stack).at(-1);
    if (stack && !(message instanceof Error)) this.logger.error({ context, stack }, String(message));
    else this.write('error', message, context);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }
}
