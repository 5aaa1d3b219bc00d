import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Logger } from 'pino';
import { problem } from '../common/problem-details.js';
import { denialOf, noteDenial } from '../common/denial.js';
import { AuthFailureLimiter, failureKey } from './auth-failure-limiter.js';
import { DenialAudit } from './denial-audit.js';
import { loggedPath, registerRequestLogging, REQUEST_LOGGER } from './request-logging.js';

const API = /^\/api(\/|\?|$)/;

const HELMET_OPTIONS: HelmetOptions = {
  // Swagger UI at /docs needs inline styles and data: images; everything else stays 'self'.
  contentSecurityPolicy: {
    directives: {
      defaultSrc: [`'self'`],
      styleSrc: [`'self'`, `'unsafe-inline'`],
      imgSrc: [`'self'`, 'data:', 'validator.swagger.io'],
      scriptSrc: [`'self'`],
      // Served over plain HTTP on an internal network too: upgrading would break /docs there.
      upgradeInsecureRequests: null,
    },
  },
};

// helmet's headers for these options. They are the same for every request (no CSP nonces), so they are
// worked out once here; @fastify/helmet rebuilt the middleware, CSP parsing included, on every request.
export function helmetHeaders(options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  let failed: unknown;
  helmet(options)({} as never, response as never, (error?: unknown) => (failed = error));
  if (failed) throw failed instanceof Error ? failed : new Error('helmet refused its options');
  return headers;
}

// The route pattern (/api/devices/:id), not the path: no ids or query strings.
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions?.url ?? loggedPath(request.url);
}

// Security headers, request logs, and 429 for a client that failed authentication too often.
export async function registerSecurity(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const security = helmetHeaders();
  const limiter = app.get(AuthFailureLimiter);
  const denials = app.get(DenialAudit);
  registerRequestLogging(fastify, app.get<Logger>(REQUEST_LOGGER));
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    void reply.headers(security);
    // API answers hold register records, tokens and exports: no browser or proxy may keep a copy.
    if (API.test(request.url)) void reply.header('cache-control', 'no-store');
    // Only /api takes bearer tokens (/health and /docs need none). Pages never do: a failed sign-in is counted and refused per address and username
    // by the sign-in page itself (signInFailureKey), so API failures from an address never lock pages.
    if (!API.test(request.url)) return done();
    const wait = limiter.blockedFor(failureKey(request.ip, request.headers.authorization));
    if (wait <= 0) return done();
    noteDenial(request, { reason: 'too-many-failed-authentications' });
    void reply
      .status(429)
      .header('retry-after', String(wait))
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(problem(429, `Too many failed authentication attempts; try again in ${wait} s.`));
  });
  fastify.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done) => {
    void reply.header('x-request-id', request.id);
    done(null, payload);
  });
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const status = reply.statusCode;
    if (status === 401 || status === 403) {
      const denial = denialOf(request) ?? { reason: `status-${status}` };
      const denied = { client: request.ip, route: routeOf(request), ...denial };
      if (status === 403) denials.refused(denied);
      else if (API.test(request.url)) {
        const failures = limiter.recordFailure(failureKey(request.ip, request.headers.authorization));
        if (failures === limiter.threshold) denials.lockedOut(denied, failures, limiter.windowSeconds);
      }
    }
    done();
  });
}
