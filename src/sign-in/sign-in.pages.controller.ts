import type { ConfigType } from '@nestjs/config';
import { Inject } from '@nestjs/common';
import { noteDenial } from '../common/denial.js';
import { PageController, PageGet, PagePost } from '../pages/page.decorators.js';
import { field, redirect, view, type PageRequest, type PageResult } from '../pages/page-request.js';
import { SESSION_COOKIE } from '../pages/page-router.js';
import { AuthFailureLimiter, signInFailureKey } from '../security/auth-failure-limiter.js';
import { DenialAudit } from '../security/denial-audit.js';

import { CredentialsService } from './credentials.service.js';
import { normaliseUsername } from './passwords.js';
import { SessionsService } from './sessions.service.js';
import { signInConfig } from './sign-in.config.js';

const FAILED = 'The username or password is not right: check both and try again';
const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

// A local path only, so a sign-in link cannot send the user to another site.
function safeReturn(value: string): string {
  return /^\/(?!\/)[^\\\s]*$/.test(value) && !value.startsWith('/sign-') ? value : '/';
}

@PageController()
export class SignInPagesController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionsService,
    private readonly limiter: AuthFailureLimiter,
    private readonly denials: DenialAudit,
    @Inject(signInConfig.KEY) private readonly settings: ConfigType<typeof signInConfig>,
  ) {}

  @PageGet('/sign-in', 'public')
  async form(page: PageRequest): Promise<PageResult> {
    return view('sign-in/views/sign-in.njk', { returnTo: safeReturn(field(page.query, 'returnTo')), values: {} });
  }

  // A failed sign-in is a 401 and an audit event; the message never says which of the two was wrong.
  // Failures are counted per address and username (the limiter of bad tokens, keyed as it keys tokens
  // by prefix): too many and that username is refused from that address (429) for the rest of the
  // window, whether or not it exists, while other users behind the same address still sign in.
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
    const key = signInFailureKey(page.request.ip, normaliseUsername(username));
    const wait = this.limiter.blockedFor(key);
    if (wait > 0) {
      noteDenial(page.request, { reason: 'too-many-failed-sign-ins' });
      void page.reply.header('retry-after', String(wait));
      const text = `Too many failed sign-ins with this username: try again in ${minutes(wait)} minute${minutes(wait) === 1 ? '' : 's'}`;
      return view('sign-in/views/sign-in.njk', { returnTo, values: { username }, errors: { summary: [{ text, href: '#username' }], byField: { username: text } } }, 429);
    }
    const { user, userId } = await this.credentials.check(username, password);
    if (!user) {
      noteDenial(page.request, { reason: 'sign-in-failed' });
      const failures = this.limiter.recordFailure(key);
      if (failures === this.limiter.threshold) {
        const denied = { client: page.request.ip, route: '/sign-in', reason: 'sign-in-failed' };
        this.denials.lockedOut(denied, failures, this.limiter.windowSeconds);
      }
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
