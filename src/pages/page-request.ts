import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import type { SignedInUser } from '../sign-in/sessions.service.js';

export type FormBody = Record<string, string | string[] | undefined>;

// What a page handler is given.
export interface PageRequest {
  user: SignedInUser | null;
  params: Record<string, string>;
  query: FormBody;
  body: FormBody;
  csrfToken: string;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface PageView {
  kind: 'view';
  template: string;
  locals: Record<string, unknown>;
  status: number;
}

export interface PageRedirect {
  kind: 'redirect';
  location: string;
  flash?: string;
}

// The handler wrote the answer itself (a download).
export interface PageSent {
  kind: 'sent';
}

export type PageResult = PageView | PageRedirect | PageSent;

export const view = (template: string, locals: Record<string, unknown> = {}, status = 200): PageView => ({
  kind: 'view',
  template,
  locals,
  status,
});

// 303 See Other after a form POST; flash is shown once as a notification banner on the next page.
export const redirect = (location: string, flash?: string): PageRedirect => ({ kind: 'redirect', location, flash });

export const sent = (): PageSent => ({ kind: 'sent' });

// The signed-in user as the services know them.
export function actor(page: PageRequest): AuthUser {
  if (!page.user) throw new Error('actor() on a page without a signed-in user');
  return { id: page.user.id, role: page.user.role };
}

// One value of a form field or query parameter ('' when absent).
export function field(values: FormBody, name: string): string {
  const value = values[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

// Every value of a repeated field (checkboxes).
export function fields(values: FormBody, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
}
