import request from 'supertest';
import { Role } from '../../src/auth/role.enum.js';
import { CredentialsService } from '../../src/sign-in/credentials.service.js';
import type { TestApp } from '../create-test-app.js';

export const PASSWORD = 'violet-harbour-teapot';

// A username and password for each of the test app's users (username = role, e.g. "lab").
export async function givePasswords(t: TestApp): Promise<void> {
  const credentials = t.app.get(CredentialsService);
  for (const role of Object.values(Role)) {
    await credentials.setPassword(t.userIds[role], PASSWORD, null, role.replace('_', '-'));
  }
}

export const usernameOf = (role: Role) => role.replace('_', '-');

// The hidden CSRF token of the first form in a page.
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token in the page');
  return match[1];
}

// A cookie-keeping client signed in as a role (supertest agent on the in-process server).
export async function signedInAgent(t: TestApp, role: Role) {
  const agent = request.agent(t.app.getHttpServer());
  const form = await agent.get('/sign-in').expect(200);
  await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: csrfOf(form.text), username: usernameOf(role), password: PASSWORD, returnTo: '/' })
    .expect(303);
  return agent;
}

// GET a page, then POST its form with the CSRF token filled in.
export async function submit(
  agent: ReturnType<typeof request.agent>,
  pagePath: string,
  action: string,
  values: Record<string, string | string[]>,
) {
  const page = await agent.get(pagePath).expect(200);
  return agent.post(action).type('form').send({ _csrf: csrfOf(page.text), ...values });
}
