import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import { Role } from '../auth/role.enum.js';

export const PAGE_CONTROLLER = 'pages:controller';
export const PAGE_ROUTE = 'pages:route';

// Who may open a page: anyone ('public': the sign-in page), any signed-in user, or these roles (admins
// may open every page, as in the API).
export type PageAccess = 'public' | 'signed-in' | readonly Role[];

export interface PageRouteOptions {
  method: 'GET' | 'POST';
  path: string;
  access: PageAccess;
  // multipart/form-data: the CSRF token travels in the query string (the body is streamed by the handler).
  multipart?: boolean;
}

// A page controller: a provider of its feature module whose methods answer pages (see page-router.ts).
// Pages are served outside the /api prefix, by session cookie, never by bearer token.
export const PageController = (): ClassDecorator => applyDecorators(Injectable(), SetMetadata(PAGE_CONTROLLER, true));

export const PageGet = (path: string, access: PageAccess): MethodDecorator =>
  SetMetadata(PAGE_ROUTE, { method: 'GET', path, access } satisfies PageRouteOptions);

export const PagePost = (path: string, access: PageAccess, options: { multipart?: boolean } = {}): MethodDecorator =>
  SetMetadata(PAGE_ROUTE, { method: 'POST', path, access, ...options } satisfies PageRouteOptions);
