import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Role } from '../auth/role.enum.js';
import { User } from '../auth/user.entity.js';
import { nowInstant } from '../common/columns.js';
import { newId } from '../common/new-id.js';
import { signInConfig } from './sign-in.config.js';
import { WebSession } from './web-session.entity.js';

export interface SignedInUser {
  id: string;
  name: string;
  role: Role;
  sessionId: string;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
// lastSeenAt is written at most once a minute per session, not on every page.
const TOUCH_AFTER_MS = 60_000;

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(signInConfig.KEY) private readonly settings: ConfigType<typeof signInConfig>,
    private readonly audit: AuditService,
  ) {}

  // A new session for a user who has just signed in; the browser's previous session (if any) ends, so
  // the session id changes at every sign-in. Returns the cookie token (shown to nobody else).
  async start(user: User, previousToken: string | undefined): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = nowInstant();
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(WebSession);
      if (previousToken) {
        await repo.update({ tokenHash: hash(previousToken) }, { endedAt: now });
      }
      const session = Object.assign(new WebSession(), {
        id: newId(),
        tokenHash: hash(token),
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        endedAt: null,
      });
      await repo.insert(session);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'session.sign-in',
        entity: 'user',
        entityId: user.id,
        after: { sessionId: session.id },
      });
    });
    return token;
  }

  // The signed-in user of a cookie token, or null: unknown, ended, idle too long, past the absolute
  // limit, or its user disabled (checked on every request, so disabling ends sessions at once).
  async resolve(token: string | undefined): Promise<SignedInUser | null> {
    if (!token || token.length > 100) return null;
    const now = Date.now();
    const row = await this.dataSource
      .getRepository(WebSession)
      .createQueryBuilder('s')
      .innerJoin(User, 'u', 'u.id = s.userId')
      .select(['s.id AS "sessionId"', 's.lastSeenAt AS "lastSeenAt"', 'u.id AS "id"', 'u.name AS "name"'])
      .addSelect('u.role', 'role')
      .where('s.tokenHash = :hash', { hash: hash(token) })
      .andWhere('s.endedAt IS NULL')
      .andWhere('u.disabledAt IS NULL')
      .andWhere('s.createdAt > :absolute', { absolute: new Date(now - this.settings.absoluteMs).toISOString() })
      .andWhere('s.lastSeenAt > :idle', { idle: new Date(now - this.settings.idleMs).toISOString() })
      .getRawOne<{ sessionId: string; lastSeenAt: string; id: string; name: string; role: Role }>();
    if (!row) return null;
    if (now - Date.parse(row.lastSeenAt) > TOUCH_AFTER_MS) {
      await this.dataSource
        .getRepository(WebSession)
        .update({ id: row.sessionId }, { lastSeenAt: new Date(now).toISOString() });
    }
    return { id: row.id, name: row.name, role: row.role, sessionId: row.sessionId };
  }

  async end(token: string | undefined, actorId: string | null): Promise<void> {
    if (!token) return;
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(WebSession);
      const session = await repo.findOneBy({ tokenHash: hash(token) });
      if (!session || session.endedAt) return;
      await repo.update({ id: session.id }, { endedAt: nowInstant() });
      await this.audit.record(manager, {
        actorId,
        action: 'session.sign-out',
        entity: 'user',
        entityId: session.userId,
        after: { sessionId: session.id },
      });
    });
  }

  // A failed sign-in, audited without the username or password typed (either could be personal data
  // or a real password); the user is named only when the username exists.
  async recordFailure(userId: string | null): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actorId: null,
        action: 'session.sign-in-failed',
        entity: 'user',
        entityId: userId ?? 'unknown',
      }),
    );
  }
}
