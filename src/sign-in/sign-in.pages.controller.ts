import type { ConfigType } from '@nestjs/config';
import { Inject } from '@nestjs/common';
import { PageController, PageGet, PagePost } from '../pages/page.decorators.js';
import { field, redirect, view, type PageRequest, type PageResult } from '../pages/page-request.js';
import { SESSION_COOKIE } from '../pages/page-router.js';

import { CredentialsService } from './credentials.service.js';
import { SessionsService } from './sessions.service.js';
import { signInConfig } from './sign-in.config.js';

const FAILED = 'The username or password is not right: check both and try again';

// A local path only, so a sign-in link cannot send the user to another site.
function safeReturn(value: string): string {
  return /^\/(?!\/)[^\\\s]*$/.test(value) && !value.startsWith('/sign-') ? value : '/';
}

@PageController()
export class SignInPagesController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionsService,
    @Inject(signInConfig.KEY) private readonly settings: ConfigType<typeof signInConfig>,
  ) {}

  @PageGet('/sign-in', 'public')
  async form(page: PageRequest): Promise<PageResult> {
    return view('sign-in/views/sign-in.njk', { returnTo: safeReturn(field(page.query, 'returnTo')), values: {} });
  }

  // A failed sign-in is a 401 (counted by the same failed-authentication limiter as bad tokens) and an
  // audit event; the message never says which of the two was wrong.
  @PagePost('/sign-in', 'public')
  async signIn(page: PageRequest): Promise<PageResult> {
    const username = field(page.body, 'username');
    const password = typeof page.body.password === 'string' ? page.body.password : '';
    const returnTo = safeReturn(field(page.body, 'returnTo'));
    const missing: Record<string, string> = {};
    if (!username) missing.username = 'Enter your username';
    if (!password) missing.password = 'Enter your password';
    if (Object.keys(missing).length > 0) {
      const summary = Object.entries(missing).map(([name, text]) => ({ text, href: `#${name}` }));
      return view('sign-in/views/sign-in.njk', { returnTo, values: { username }, errors: { summary, byField: missing } }, 400);
    }
    const { user, userId } = await this.credentials.check(username, password);
    if (!user) {
      await this.sessions.recordFailure(userId);
      return view(
        'sign-in/views/sign-in.njk',
        { returnTo, values: { username }, errors: { summary: [{ text: FAILED, href: '#username' }], byField: { username: FAILED } } },
        401,
      );
    }
    const token = await this.sessions.start(user, this.currentToken(page));
    void page.reply.setCookie(SESSION_COOKIE, token, this.cookieOptions());
    return redirect(returnTo);
  }

  @PagePost('/sign-out', 'public')
  async signOut(page: PageRequest): Promise<PageResult> {
    await this.sessions.end(this.currentToken(page), page.user?.id ?? null);
    void page.reply.clearCookie(SESSION_COOKIE, { path: '/' });
    void page.reply.clearCookie('register_csrf', { path: '/' });
    return redirect('/sign-in', 'You have signed out.');
  }

  private currentToken(page: PageRequest): string | undefined {
    const raw = page.request.cookies[SESSION_COOKIE];
    if (!raw) return undefined;
    const unsigned = page.reply.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? unsigned.value : undefined;
  }

  private cookieOptions() {
    return {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.settings.cookieSecure,
      signed: true,
      maxAge: Math.floor(this.settings.absoluteMs / 1000),
    };
  }
}
