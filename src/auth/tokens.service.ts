import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { nowInstant } from '../common/columns.js';
import { SqliteStatements } from '../database/sqlite-statements.js';
import { NotFoundError } from '../common/errors.js';
import { newId } from '../common/new-id.js';
import { ApiToken } from './api-token.entity.js';
import { AuthUser } from './auth-user.js';
import { generateToken, hashToken, looksLikeToken } from './tokens.js';
import { User } from './user.entity.js';

// The token check of every request, as one prepared statement on SQLite (the same SQL as below).
const AUTHENTICATE_SQL =
  'SELECT "u"."id" AS "id", "u"."role" AS "role" FROM "api_tokens" "t" INNER JOIN "users" "u" ON "u"."id" = "t"."userId" ' +
  'WHERE "t"."tokenHash" = ? AND "t"."revokedAt" IS NULL AND ("t"."expiresAt" IS NULL OR "t"."expiresAt" > ?) ' +
  'AND "u"."disabledAt" IS NULL';

@Injectable()
export class TokensService {
  private readonly sqlite: SqliteStatements | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.sqlite = SqliteStatements.for(dataSource);
  }

  // One hash and one indexed query per request; a revoked or expired token fails at once.
  async authenticate(token: string): Promise<AuthUser | null> {
    if (!looksLikeToken(token)) return null;
    const now = nowInstant();
    if (this.sqlite) {
      const wait = this.sqlite.ready();
      if (wait) await wait;
      const found = this.sqlite.get<AuthUser>(AUTHENTICATE_SQL, [hashToken(token), now]);
      return found ? { id: found.id, role: found.role } : null;
    }
    const row = await this.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('t')
      .innerJoin(User, 'u', 'u.id = t.userId')
      .select(['u.id AS id', 'u.role AS role'])
      .where('t.tokenHash = :hash', { hash: hashToken(token) })
      .andWhere('t.revokedAt IS NULL')
      .andWhere('(t.expiresAt IS NULL OR t.expiresAt > :now)', { now })
      .andWhere('u.disabledAt IS NULL')
      .getRawOne<AuthUser>();
    return row ? { id: row.id, role: row.role } : null;
  }

  async issue(
    manager: EntityManager,
    userId: string,
    actorId: string | null,
    options: { label?: string | null; expiresAt?: string | null } = {},
  ): Promise<{ token: string; record: ApiToken }> {
    const token = generateToken();
    const record: ApiToken = Object.assign(new ApiToken(), {
      id: newId(),
      userId,
      tokenHash: hashToken(token),
      label: options.label ?? null,
      createdAt: nowInstant(),
      expiresAt: options.expiresAt ? new Date(options.expiresAt).toISOString() : null,
      revokedAt: null,
    });
    await manager.getRepository(ApiToken).insert(record);
    await this.audit.record(manager, {
      actorId,
      action: 'token.issue',
      entity: 'api_token',
      entityId: record.id,
      after: { userId, label: record.label, expiresAt: record.expiresAt },
    });
    return { token, record };
  }

  async revoke(userId: string, tokenId: string, actorId: string): Promise<ApiToken> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ApiToken);
      const record = await repo.findOneBy({ id: tokenId, userId });
      if (!record) throw new NotFoundError('TOKEN_NOT_FOUND', 'No such token for this user.');
      if (!record.revokedAt) {
        record.revokedAt = nowInstant();
        await repo.update({ id: tokenId }, { revokedAt: record.revokedAt });
        await this.audit.record(manager, {
          actorId,
          action: 'token.revoke',
          entity: 'api_token',
          entityId: tokenId,
          before: { revokedAt: null },
          after: { revokedAt: record.revokedAt },
        });
      }
      return record;
    });
  }

  async listFor(userId: string): Promise<ApiToken[]> {
    return this.dataSource.getRepository(ApiToken).find({ where: { userId }, order: { createdAt: 'ASC' } });
  }
}
