import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

// The path only: query strings can carry names (e.g. a search), so they are never logged.
export function loggedPath(url: string | undefined): string {
  return (url ?? '').split('?')[0].slice(0, 200);
}

// A well-formed incoming X-Request-Id is kept (to follow a request across a proxy), else a new UUID.
export function incomingRequestId(req: { headers: IncomingMessage['headers'] }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

// Fallback for pino-http when the server did not set req.id already (Fastify does, see FASTIFY_OPTIONS).
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const id = incomingRequestId(req);
  res.setHeader('x-request-id', id);
  return id;
}

// One JSON line per request: id, method, path, status, duration. No headers, no bodies, no query strings.
export function requestLoggingOptions(level: string): Options {
  return {
    level,
    genReqId: requestId,
    // Health probes (load balancers poll them) are not logged.
    autoLogging: { ignore: (req) => loggedPath(req.url) === '/health' },
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
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: (req, res) => `${req.method} ${loggedPath(req.url)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${loggedPath(req.url)} ${res.statusCode}`,
  };
}
