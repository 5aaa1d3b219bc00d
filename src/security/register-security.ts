import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem } from '../common/problem-details.js';
import { AuthFailureLimiter } from './auth-failure-limiter.js';

// Routes that never need a token, so never count or block.
const OPEN = /^\/(health|docs)(\/|\?|-json|$)/;

// Security headers, and 429 for a client that failed authentication too often.
export async function registerSecurity(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
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
  });
  const limiter = app.get(AuthFailureLimiter);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (OPEN.test(request.url)) return;
    const wait = limiter.blockedFor(request.ip);
    if (wait > 0) {
      await reply
        .status(429)
        .header('retry-after', String(wait))
        .header('content-type', 'application/problem+json; charset=utf-8')
        .send(problem(429, `Too many failed authentication attempts; try again in ${wait} s.`));
    }
  });
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    if (reply.statusCode === 401) limiter.recordFailure(request.ip);
  });
}
