import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Denial } from '../common/denial.js';
import { nowInstant } from '../common/columns.js';
import { RegisterStatements } from '../database/statements.js';
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
import { TOKEN_SQL, tokenRefusal, type TokenRow } from './token-check.js';

@Injectable()
export class TokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statements: RegisterStatements,
    private readonly audit: AuditService,
    @Inject(TOKEN_LIFETIME) private readonly lifetime: TokenLifetime,
  ) {}

  // One hash and one indexed read per request; the rule decides (a revoked or expired token fails at once).
  async authenticate(token: string): Promise<AuthUser | null> {
    if (!looksLikeToken(token)) return null;
    const now = nowInstant();
    const row = await this.read(token);
    if (tokenRefusal(row, now, oldestUnexpiredCreation(this.lifetime, Date.parse(now))) !== null) return null;
    return { id: row!.id, role: row!.role, tokenId: row!.tokenId };
  }

  // Checks an asked-for expiry (400 naming expiresAt) before any transaction starts.
  checkExpiry(expiresAt: string | null | undefined): void {
    tokenExpiry(expiresAt, this.lifetime);
  }

  // Why a token was refused, for the security log (read again, on the refusal path only).
  async whyRefused(token: string): Promise<Denial> {
    if (!looksLikeToken(token)) return { reason: 'token-malformed' };
    const now = nowInstant();
    const row = await this.read(token);
    const reason = tokenRefusal(row, now, oldestUnexpiredCreation(this.lifetime, Date.parse(now)));
    return row === undefined
      ? { reason: reason ?? 'token-unknown' }
      : { reason: reason ?? 'token-expired', userId: row.id };
  }

  // One statement (prepared once on SQLite).
  private read(token: string): Promise<TokenRow | undefined> {
    return this.statements.read.get<TokenRow>(TOKEN_SQL, [hashToken(token)]);
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
