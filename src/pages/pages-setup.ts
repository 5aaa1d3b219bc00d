import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import type { ConfigType } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { appConfig } from '../config/app.config.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { signInConfig } from '../sign-in/sign-in.config.js';
import { parseFormBody } from './form-body.js';
import { labelOf } from './page-forms.js';
import { formatDate, formatInstant } from './form-dates.js';
import { PageRouter } from './page-router.js';

const require = createRequire(import.meta.url);
// src/ (tests) or dist/ (npm start): templates sit beside their feature code (nest-cli copies them).
const APP_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOVUK = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
const MOJ = dirname(require.resolve('@ministryofjustice/frontend/package.json'));

// The pages: cookies (signed), CSRF tokens, Nunjucks views with GOV.UK Frontend and MOJ Frontend, their
// CSS and JavaScript served from node_modules, and the page controllers' routes. API routes are not
// touched: they keep bearer tokens, JSON and their own headers.
export async function registerPages(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const settings = app.get<ConfigType<typeof signInConfig>>(signInConfig.KEY);
  const { timeZone } = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  const router = app.get(PageRouter);
  const reference = app.get(ReferenceDataService);
  await fastify.register(cookie, { secret: settings.secret });
  await fastify.register(csrfProtection, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'register_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: settings.cookieSecure, signed: true },
    // Tokens are bound to the session (none before sign-in), so signing in makes older forms' tokens fail.
    getUserInfo: (request: FastifyRequest) => request.pageUser?.sessionId ?? 'signed-out',
    getToken: (request: FastifyRequest) =>
      (request.body as Record<string, string> | undefined)?._csrf ??
      (request.query as Record<string, string> | undefined)?._csrf ??
      (request.headers['x-csrf-token'] as string | undefined),
    csrfOpts: { hmacKey: settings.secret },
  });
  await fastify.register(fastifyView, {
    engine: { nunjucks },
    templates: [APP_ROOT, GOVUK, MOJ],
    production: true,
    options: {
      autoescape: true,
      trimBlocks: true,
      lstripBlocks: true,
      throwOnUndefined: false,
      onConfigure: (env: nunjucks.Environment) => {
        env.addFilter('dateTime', (value: string | null | undefined) => formatInstant(value, timeZone));
        env.addFilter('date', (value: string | null | undefined) => formatDate(value));
        // The MOJ timeline's own date filter, in the register's time zone (MOJ's uses the server's).
        env.addFilter('mojDate', (value: string, type?: string) =>
          type === 'date' || type === 'shortDate' ? formatDate(value) : formatInstant(value, timeZone),
        );
        // {{ device.deviceType | label("device-types") }}: a code shown by its label.
        env.addFilter('label', (code: string | null | undefined, list: string) => labelOf(reference, list, code));
        env.addFilter('fieldError', (errors: { byField?: Record<string, string> } | undefined, name: string) =>
          errors?.byField?.[name] ? { text: errors.byField[name] } : undefined,
        );
      },
    },
  });
  const assets = [
    { prefix: '/assets/govuk/', root: join(GOVUK, 'govuk'), files: ['govuk-frontend.min.css', 'govuk-frontend.min.js'] },
    { prefix: '/assets/moj/', root: join(MOJ, 'moj'), files: ['moj-frontend.min.css', 'moj-frontend.min.js'] },
    { prefix: '/assets/app/', root: join(APP_ROOT, 'pages', 'assets'), files: ['app.css', 'app.js'] },
  ];
  for (const asset of assets) {
    await fastify.register(fastifyStatic, {
      root: asset.root,
      prefix: asset.prefix,
      decorateReply: false,
      index: false,
      list: false,
      maxAge: '1h',
      allowedPath: (path: string) => asset.files.includes(path.replace(/^\//, '')),
    });
  }
  await fastify.register(async (pages) => {
    // Nest adds its form parser at init, after this context is made, so pages parse forms themselves
    // (form-body.ts: repeated fields as arrays, UTF-8 only, the API's text rules).
    pages.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_request, body, done) => {
      try {
        done(null, parseFormBody(body as Buffer));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    router.register(pages);
  });
}
