import multipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import type { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { createOpenApiDocument } from './common/openapi/openapi-document.js';
import { registerJsonBodyParser } from './common/json-body.js';
import { SafeTextPipe } from './common/safe-text.pipe.js';
import { createValidationPipe } from './common/validation.js';
import { registerEtag } from './common/etag.js';
import { registerPages } from './pages/pages-setup.js';
import { WalCheckpointer } from './database/sqlite/wal-checkpointer.js';
import { DataSource } from 'typeorm';
import { registerSecurity } from './security/register-security.js';
import { SHEET_LIMITS } from './spreadsheets/sheet-limits.js';
import { incomingRequestId } from './security/request-logging.js';
import { trustProxySetting } from './security/security.config.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

// The HTTP server's options, for main.ts and the tests alike: body limit, request ids for the logs,
// JSON bodies with __proto__ or constructor.prototype keys refused (400), proxies trusted (TRUST_PROXY).
export const FASTIFY_OPTIONS: ConstructorParameters<typeof FastifyAdapter>[0] = {
  bodyLimit: BODY_LIMIT_BYTES,
  genReqId: incomingRequestId,
  onProtoPoisoning: 'error',
  onConstructorPoisoning: 'error',
  trustProxy: trustProxySetting(),
};
// Spreadsheet uploads (POST /api/imports/devices): one file, streamed to a temporary file. One more
// file and a few fields reach the handler, which refuses any it does not expect by name (400).
export const UPLOAD_LIMIT_BYTES = SHEET_LIMITS.uploadBytes;

// Everything main.ts and the tests both need, so the tests run the app as it is served.
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await registerSecurity(app);
  registerJsonBodyParser(app, BODY_LIMIT_BYTES);
  registerEtag(fastify);
  const checkpointer = WalCheckpointer.start(app.get(DataSource));
  if (checkpointer) fastify.addHook('onClose', () => checkpointer.stop());
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 2, fields: 4, parts: 6 } });
  await registerPages(app);
  app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(new SafeTextPipe(), createValidationPipe());
  app.enableShutdownHooks();
  // The contract (/docs-json), built on first request: see src/common/openapi/ and README "The API contract".
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
  });
}
