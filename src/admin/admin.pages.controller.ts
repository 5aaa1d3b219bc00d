import { AuditQueryService } from '../audit/audit-query.service.js';
import { AuditQueryDto } from '../audit/dto/audit-query.dto.js';
import { Role, ROLES } from '../auth/role.enum.js';
import { TokensService } from '../auth/tokens.service.js';
import { UsersService } from '../auth/users.service.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formErrors, type FormErrors } from '../pages/form-errors.js';
import { readDate } from '../pages/form-dates.js';
import { historyInWords } from '../pages/history-words.js';
import { ROLE_LABELS } from '../pages/navigation.js';
import { pageNumber, pagination, validated, withoutBlanks } from '../pages/page-forms.js';
import { PageController, PageGet, PagePost } from '../pages/page.decorators.js';
import { actor, field, redirect, view, type FormBody, type PageRequest, type PageResult } from '../pages/page-request.js';
import { CredentialsService } from '../sign-in/credentials.service.js';
import { passwordProblems, usernameProblems } from '../sign-in/passwords.js';
import { ValidationFailedError } from '../common/errors.js';

const ADMIN = [] as const;
const USER_LABELS: Record<string, string> = { name: 'Name', role: 'Role', username: 'Username', password: 'Password', expiresAt: 'Expires on' };
const AUDIT_PAGE = 50;

// Admins: users (create, set or reset a password, issue and revoke tokens, disable) and the audit trail.
@PageController()
export class AdminPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly credentials: CredentialsService,
    private readonly audit: AuditQueryService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @PageGet('/admin/users', ADMIN)
  async list(): Promise<PageResult> {
    return this.usersPage(undefined, {}, undefined);
  }

  @PagePost('/admin/users', ADMIN)
  async create(page: PageRequest): Promise<PageResult> {
    const b = page.body;
    const name = field(b, 'name');
    const role = field(b, 'role') as Role;
    const username = field(b, 'username');
    const password = typeof b.password === 'string' ? b.password : '';
    try {
      const problems = [
        ...(name && name.length <= 100 ? [] : [{ field: 'name', message: 'Enter a name of up to 100 characters' }]),
        ...(ROLES.includes(role) ? [] : [{ field: 'role', message: 'Choose a role' }]),
        ...(username ? [...usernameProblems(username), ...passwordProblems(password, username)] : []),
      ];
      if (username && (await this.credentials.userIdOf(username))) problems.push({ field: 'username', message: 'This username is already taken' });
      if (problems.length > 0) throw new ValidationFailedError(problems);
      const created = await this.users.create(name, role, actor(page).id);
      if (username) await this.credentials.setPassword(created.user.id, password, actor(page).id, username);
      return this.usersPage(undefined, {}, { name, token: created.token });
    } catch (error) {
      return this.usersPage(formErrors(error, USER_LABELS), b, undefined);
    }
  }

  @PageGet('/admin/users/:id', ADMIN)
  async user(page: PageRequest): Promise<PageResult> {
    return this.userPage(page.params.id, undefined, undefined);
  }

  @PagePost('/admin/users/:id/password', ADMIN)
  async setPassword(page: PageRequest): Promise<PageResult> {
    const id = page.params.id;
    const username = field(page.body, 'username');
    const password = typeof page.body.password === 'string' ? page.body.password : '';
    try {
      await this.credentials.setPassword(id, password, actor(page).id, username || undefined);
      return redirect(`/admin/users/${id}`, 'Password set. Any sessions of this user have ended.');
    } catch (error) {
      return this.userPage(id, formErrors(error, USER_LABELS), undefined);
    }
  }

  @PagePost('/admin/users/:id/tokens', ADMIN)
  async issueToken(page: PageRequest): Promise<PageResult> {
    const id = page.params.id;
    try {
      const expires = readDate(page.body, 'expiresAt', USER_LABELS.expiresAt);
      const issued = await this.users.issueToken(id, actor(page).id, withoutBlanks({ label: field(page.body, 'label'), expiresAt: expires ? `${expires}T00:00:00Z` : '' }));
      return this.userPage(id, undefined, issued.token);
    } catch (error) {
      return this.userPage(id, formErrors(error, USER_LABELS, { expiresAt: 'expiresAt-day' }), undefined);
    }
  }

  @PagePost('/admin/users/:id/tokens/:tokenId/revoke', ADMIN)
  async revoke(page: PageRequest): Promise<PageResult> {
    await this.tokens.revoke(page.params.id, page.params.tokenId, actor(page).id);
    return redirect(`/admin/users/${page.params.id}`, 'Token revoked.');
  }

  @PagePost('/admin/users/:id/disable', ADMIN)
  async disable(page: PageRequest): Promise<PageResult> {
    await this.users.disable(page.params.id, actor(page).id);
    return redirect(`/admin/users/${page.params.id}`, 'User disabled: their tokens and sessions no longer work.');
  }

  @PageGet('/admin/audit', ADMIN)
  async auditTrail(page: PageRequest): Promise<PageResult> {
    const filters = { entity: field(page.query, 'entity'), entityId: field(page.query, 'entityId'), actorId: field(page.query, 'actorId') };
    const number = pageNumber(field(page.query, 'page'));
    let errors: FormErrors | undefined;
    let events: Awaited<ReturnType<AuditQueryService['list']>> = { items: [], total: 0, limit: AUDIT_PAGE, offset: 0 };
    try {
      events = await this.audit.list(
        await validated(AuditQueryDto, { ...withoutBlanks(filters), limit: String(AUDIT_PAGE), offset: String((number - 1) * AUDIT_PAGE) }),
      );
    } catch (error) {
      errors = formErrors(error, { entity: 'Record type', entityId: 'Record id', actorId: 'User id' });
    }
    const lines = await historyInWords(this.dataSource, events.items, {});
    const verify = field(page.query, 'verify') === '1' ? await this.audit.verify() : undefined;
    return view('admin/views/audit.njk', {
      title: 'Audit trail',
      filters,
      errors,
      rows: events.items.map((event, i) => ({ event, line: lines[i] })),
      pages: pagination('/admin/audit', withoutBlanks(filters) as Record<string, string>, events.total, AUDIT_PAGE, (number - 1) * AUDIT_PAGE),
      verify,
    }, errors?.status ?? 200);
  }

  private async usersPage(errors: FormErrors | undefined, values: FormBody, created: { name: string; token: string } | undefined): Promise<PageResult> {
    const all = await this.users.list(200, 0);
    const usernames = await this.credentials.usernames(all.items.map((u) => u.id));
    return view(
      'admin/views/users.njk',
      {
        title: 'Users',
        users: all.items.map((u) => ({ ...u, username: usernames.get(u.id), roleLabel: ROLE_LABELS[u.role] })),
        roles: ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], checked: values.role === role })),
        errors,
        values,
        created,
      },
      errors?.status ?? 200,
    );
  }

  private async userPage(id: string, errors: FormErrors | undefined, token: string | undefined): Promise<PageResult> {
    const user = await this.users.get(id);
    return view(
      'admin/views/user.njk',
      {
        title: `User ${user.name}`,
        user: { ...user, roleLabel: ROLE_LABELS[user.role] },
        username: await this.credentials.usernameOf(id),
        tokens: await this.tokens.listFor(id),
        token,
        errors,
      },
      errors?.status ?? 200,
    );
  }
}
