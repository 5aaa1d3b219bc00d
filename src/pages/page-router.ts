import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appConfig } from '../config/app.config.js';
import { Role } from '../auth/role.enum.js';
import { SessionsService, type SignedInUser } from '../sign-in/sessions.service.js';
import { signInConfig } from '../sign-in/sign-in.config.js';
import { problemOf } from './form-errors.js';
import { navigationFor, ROLE_LABELS } from './navigation.js';
import { PAGE_CONTROLLER, PAGE_ROUTE, type PageAccess, type PageRouteOptions } from './page.decorators.js';
import type { FormBody, PageRequest, PageResult } from './page-request.js';

export const SESSION_COOKIE = 'register_session';
const FLASH_COOKIE = 'register_flash';

declare module 'fastify' {
  interface FastifyRequest {
    pageUser?: SignedInUser | null;
    cspNonce?: string;
  }
}

type Handler = (page: PageRequest) => Promise<PageResult>;

// Content-Security-Policy of every page: scripts only from this server or with this response's nonce
// (GOV.UK Frontend's one inline line), no inline styles, no framing.
export function pageCsp(nonce: string): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self'`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    `base-uri 'self'`,
    `object-src 'none'`,
  ].join('; ');
}

// Serves the methods of every @PageController() as Fastify routes outside /api: the session cookie
// signs the user in (a bearer token is never read here), roles are checked, every POST needs the CSRF
// token, and the answer is a rendered template, a 303 redirect or a download.
@Injectable()
export class PageRouter {
  private readonly logger = new Logger('Pages');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly sessions: SessionsService,
    @Inject(signInConfig.KEY) private readonly settings: ConfigType<typeof signInConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  cookieOptions(maxAgeSeconds?: number) {
    return {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.settings.cookieSecure,
      signed: true,
      ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
    };
  }

  routes(): { options: PageRouteOptions; handler: Handler }[] {
    const found: { options: PageRouteOptions; handler: Handler }[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || !wrapper.metatype || !Reflect.getMetadata(PAGE_CONTROLLER, wrapper.metatype)) continue;
      for (const name of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const method = instance[name] as Handler;
        const options = Reflect.getMetadata(PAGE_ROUTE, method) as PageRouteOptions | undefined;
        if (options) found.push({ options, handler: method.bind(instance) });
      }
    }
    return found;
  }

  register(fastify: FastifyInstance): void {
    fastify.setErrorHandler((error, request, reply) => this.renderError(error, request, reply));
    for (const { options, handler } of this.routes()) {
      fastify.route({
        method: options.method,
        url: options.path,
        preHandler:
          options.method === 'POST'
            ? [this.signIn(options.access), fastify.csrfProtection.bind(fastify)]
            : [this.signIn(options.access)],
        handler: async (request, reply) => this.answer(request, reply, handler),
      });
    }
    // Any other address outside /api: the "page not found" page (with the signed-in user's menu), not
    // the API's JSON problem. /api keeps its own 404.
    fastify.route({
      method: 'GET',
      url: '/*',
      preHandler: [this.signIn('public')],
      handler: async (request, reply) => {
        if (/^\/api(\/|\?|$)/.test(request.url)) return reply.callNotFound();
        const html = await this.render(request, reply, 'pages/views/not-found.njk', {});
        return reply.status(404).type('text/html; charset=utf-8').send(html);
      },
    });
  }

  private signIn(access: PageAccess) {
    return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      request.cspNonce = randomBytes(16).toString('base64');
      void reply.header('content-security-policy', pageCsp(request.cspNonce));
      void reply.header('cache-control', 'no-store');
      request.pageUser = await this.sessions.resolve(this.sessionToken(request, reply));
      if (access === 'public') return;
      if (!request.pageUser) {
        const back = request.method === 'GET' ? `?returnTo=${encodeURIComponent(request.url)}` : '';
        return void reply.redirect(`/sign-in${back}`, 303);
      }
      if (access === 'signed-in' || request.pageUser.role === Role.Admin) return;
      if (!access.includes(request.pageUser.role)) {
        return void reply.status(403).type('text/html; charset=utf-8').send(await this.render(request, reply, 'pages/views/forbidden.njk', {}));
      }
    };
  }

  sessionToken(request: FastifyRequest, reply: FastifyReply): string | undefined {
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return undefined;
    const unsigned = reply.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? unsigned.value : undefined;
  }

  private async answer(request: FastifyRequest, reply: FastifyReply, handler: Handler): Promise<unknown> {
    const csrfToken = reply.generateCsrf({ userInfo: request.pageUser?.sessionId ?? 'signed-out' });
    const page: PageRequest = {
      user: request.pageUser ?? null,
      params: (request.params ?? {}) as Record<string, string>,
      query: (request.query ?? {}) as FormBody,
      body: (request.body && typeof request.body === 'object' ? request.body : {}) as FormBody,
      csrfToken,
      request,
      reply,
    };
    const result = await handler(page);
    if (result.kind === 'sent') return reply;
    if (result.kind === 'redirect') {
      if (result.flash) void reply.setCookie(FLASH_COOKIE, result.flash, this.cookieOptions(60));
      return reply.redirect(result.location, 303);
    }
    const html = await this.render(request, reply, result.template, { ...result.locals, csrfToken });
    return reply.status(result.status).type('text/html; charset=utf-8').send(html);
  }

  async render(
    request: FastifyRequest,
    reply: FastifyReply,
    template: string,
    locals: Record<string, unknown>,
  ): Promise<string> {
    const user = request.pageUser;
    const path = request.url.split('?')[0];
    let flash: string | undefined;
    const rawFlash = request.cookies[FLASH_COOKIE];
    if (rawFlash) {
      const unsigned = reply.unsignCookie(rawFlash);
      if (unsigned.valid && unsigned.value) flash = unsigned.value;
      void reply.clearCookie(FLASH_COOKIE, { path: '/' });
    }
    return (request.server as FastifyInstance & { view: (t: string, d: object) => Promise<string> }).view(template, {
      cspNonce: request.cspNonce,
      csrfToken: locals.csrfToken ?? reply.generateCsrf({ userInfo: user?.sessionId ?? 'signed-out' }),
      currentUser: user ? { name: user.name, role: user.role, roleLabel: ROLE_LABELS[user.role] } : null,
      navigation: user ? navigationFor(user.role, path) : [],
      currentPath: path,
      timeZone: this.app.timeZone,
      flash,
      ...locals,
    });
  }

  private async renderError(error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const code = (error as { code?: string }).code ?? '';
    const csrf = code.startsWith('FST_CSRF');
    const status = csrf ? 403 : problemOf(error).status;
    if (status >= 500) {
      this.logger.error(`${request.method} ${request.routeOptions?.url ?? ''} failed`, (error as Error).stack);
    }
    const template =
      status === 404 ? 'pages/views/not-found.njk' : status === 403 ? 'pages/views/forbidden.njk' : 'pages/views/error.njk';
    request.cspNonce ??= randomBytes(16).toString('base64');
    void reply.header('content-security-policy', pageCsp(request.cspNonce));
    const problem = status < 500 && !csrf ? problemOf(error) : undefined;
    try {
      const html = await this.render(request, reply, template, { status, csrf, detail: problem?.detail, problems: problem?.errors ?? [] });
      void reply.status(status).type('text/html; charset=utf-8').send(html);
    } catch (renderFailure) {
      this.logger.error('Error page failed', (renderFailure as Error).stack);
      void reply.status(status).type('text/plain; charset=utf-8').send('Sorry, there is a problem with the service.');
    }
  }
}
