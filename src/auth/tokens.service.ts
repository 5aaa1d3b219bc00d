import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Denial } from '../common/denial.js';
import { nowInstant } from '../common/columns.js';
import { SqliteStatements } from '../database/sqlite-statements.js';
import { NotFoundError } from '../common/errors.js';
import { newId } from '../common/new-id.js';
import { ApiToken } from './api-token.entity.js';
import { AuthUser } from './auth-user.js';
import {
  effectiveLegacyExpiry,
  oldestUnexpiredCreation,
  TOKEN_LIFETIME,
  type TokenLifetime,
  tokenExpiry,
} from './token-lifetime.js';
import { generateToken, hashToken, looksLikeToken } from './tokens.js';
import { User } from './user.entity.js';

// The token check of every request, as one prepared statement on SQLite (the same SQL as below). A
// token without an expiry (issued before every token had one) lasts the longest lifetime from its issue.
const AUTHENTICATE_SQL =
  'SELECT "u"."id" AS "id", "u"."role" AS "role", "t"."id" AS "tokenId" FROM "api_tokens" "t" INNER JOIN "users" "u" ON "u"."id" = "t"."userId" ' +
  'WHERE "t"."tokenHash" = ? AND "t"."revokedAt" IS NULL ' +
  'AND ("t"."expiresAt" > ? OR ("t"."expiresAt" IS NULL AND "t"."createdAt" > ?)) ' +
  'AND "u"."disabledAt" IS NULL';

@Injectable()
export class TokensService {
  private readonly sqlite: SqliteStatements | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(TOKEN_LIFETIME) private readonly lifetime: TokenLifetime,
  ) {
    this.sqlite = SqliteStatements.for(dataSource);
  }

  // One hash and one indexed query per request; a revoked or expired token fails at once.
  async authenticate(token: string): Promise<AuthUser | null> {
    if (!looksLikeToken(token)) return null;
    const now = nowInstant();
    const oldest = oldestUnexpiredCreation(this.lifetime, Date.parse(now));
    if (this.sqlite) {
      const wait = this.sqlite.ready();
      if (wait) await wait;
      const found = this.sqlite.get<AuthUser>(AUTHENTICATE_SQL, [hashToken(token), now, oldest]);
      return found ? { id: found.id, role: found.role, tokenId: found.tokenId } : null;
    }
    const row = await this.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('t')
      .innerJoin(User, 'u', 'u.id = t.userId')
      .select(['u.id AS id', 'u.role AS role', 't.id AS "tokenId"'])
      .where('t.tokenHash = :hash', { hash: hashToken(token) })
      .andWhere('t.revokedAt IS NULL')
      .andWhere('(t.expiresAt > :now OR (t.expiresAt IS NULL AND t.createdAt > :oldest))', { now, oldest })
      .andWhere('u.disabledAt IS NULL')
      .getRawOne<AuthUser>();
    return row ? { id: row.id, role: row.role, tokenId: row.tokenId } : null;
  }

  // Checks an asked-for expiry (400 naming expiresAt) before any transaction starts.
  checkExpiry(expiresAt: string | null | undefined): void {
    tokenExpiry(expiresAt, this.lifetime);
  }

  // Why a token was refused, for the security log (a second query, on the refusal path only).
  async whyRefused(token: string): Promise<Denial> {
    if (!looksLikeToken(token)) return { reason: 'token-malformed' };
    const row = await this.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('t')
      .innerJoin(User, 'u', 'u.id = t.userId')
      .select(['t.userId AS "userId"', 't.revokedAt AS "revokedAt"', 'u.disabledAt AS "disabledAt"'])
      .where('t.tokenHash = :hash', { hash: hashToken(token) })
      .getRawOne<{ userId: string; revokedAt: string | null; disabledAt: string | null }>();
    if (!row) return { reason: 'token-unknown' };
    const reason = row.revokedAt ? 'token-revoked' : row.disabledAt ? 'user-disabled' : 'token-expired';
    return { reason, userId: row.userId };
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
      expiresAt: tokenExpiry(options.expiresAt, this.lifetime),
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

  /** A token's expiry as it is applied: its own, or (issued before every token had one) the longest
   * lifetime after its issue. */
  async effectiveExpiry(tokenId: string): Promise<string | null> {
    const token = await this.dataSource.getRepository(ApiToken).findOneBy({ id: tokenId });
    if (!token) return null;
    return token.expiresAt ?? effectiveLegacyExpiry(token.createdAt, this.lifetime);
  }

  async listFor(userId: string): Promise<ApiToken[]> {
    return this.dataSource.getRepository(ApiToken).find({ where: { userId }, order: { createdAt: 'ASC' } });
  }
}
