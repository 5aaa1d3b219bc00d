import type { FastifyInstance } from 'fastify';
import { etagOf } from './if-match.js';

// Any single-record response carrying a numeric `version` gets ETag: "<version>". A Fastify hook rather
// than a Nest interceptor: no interceptor means no RxJS pipeline on every request.
export function registerEtag(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (_request, reply, payload, done) => {
    const version = (payload as { version?: unknown } | null)?.version;
    if (typeof version === 'number') void reply.header('ETag', etagOf(version));
    done(null, payload);
  });
}
