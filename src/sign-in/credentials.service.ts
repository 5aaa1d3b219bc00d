import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { User } from '../auth/user.entity.js';
import { nowInstant } from '../common/columns.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../common/errors.js';
import {
  decoyHash,
  hashPassword,
  normaliseUsername,
  passwordProblems,
  usernameProblems,
  verifyPassword,
} from './passwords.js';
import { PasswordCredential } from './password-credential.entity.js';
import { WebSession } from './web-session.entity.js';

// Usernames and passwords for the pages. Setting a password ends every session of that user at once.
@Injectable()
export class CredentialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // Sets (or resets) a user's password; the username is kept unless a new one is given.
  async setPassword(
    userId: string,
    password: string,
    actorId: string | null,
    username?: string,
  ): Promise<PasswordCredential> {
    const existing = await this.dataSource.getRepository(PasswordCredential).findOneBy({ userId });
    const name = username !== undefined ? normaliseUsername(username) : existing?.username;
    if (!name) {
      throw new ValidationFailedError([{ field: 'username', message: 'Enter a username' }]);
    }
    const problems = [...(username !== undefined ? usernameProblems(name) : []), ...passwordProblems(password, name)];
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(User).findOneBy({ id: userId });
      if (!user) throw new NotFoundError('USER_NOT_FOUND', 'No user has this id.');
      const repo = manager.getRepository(PasswordCredential);
      const clash = await repo.findOneBy({ username: name, userId: Not(userId) });
      if (clash) {
        throw new ConflictError('USERNAME_TAKEN', 'This username is already taken.', [
          { field: 'username', message: 'This username is already taken' },
        ]);
      }
      const record = Object.assign(new PasswordCredential(), {
        userId,
        username: name,
        passwordHash,
        passwordSetAt: nowInstant(),
      });
      await repo.save(record);
      const ended = await this.endSessions(manager, userId);
      await this.audit.record(manager, {
        actorId,
        action: existing ? 'user.password-reset' : 'user.password-set',
        entity: 'user',
        entityId: userId,
        before: existing ? { username: existing.username } : null,
        after: { username: name, sessionsEnded: ended },
      });
      return record;
    });
  }

  async usernameOf(userId: string): Promise<string | null> {
    const found = await this.dataSource.getRepository(PasswordCredential).findOneBy({ userId });
    return found?.username ?? null;
  }

  async usernames(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(PasswordCredential)
      .createQueryBuilder('c')
      .where('c.userId IN (:...ids)', { ids: userIds })
      .getMany();
    return new Map(rows.map((row) => [row.userId, row.username]));
  }

  async userIdOf(username: string): Promise<string | null> {
    const found = await this.dataSource
      .getRepository(PasswordCredential)
      .findOneBy({ username: normaliseUsername(username) });
    return found?.userId ?? null;
  }

  // The user whose username and password these are, if enabled; null otherwise, after the same work
  // (a scrypt check) either way. userId is set when the username exists (for the audit event).
  async check(username: string, password: string): Promise<{ user: User | null; userId: string | null }> {
    const credential = await this.dataSource
      .getRepository(PasswordCredential)
      .findOneBy({ username: normaliseUsername(username) });
    const ok = await verifyPassword(password, credential?.passwordHash ?? (await decoyHash()));
    if (!credential) return { user: null, userId: null };
    if (!ok) return { user: null, userId: credential.userId };
    const user = await this.dataSource.getRepository(User).findOneBy({ id: credential.userId });
    return { user: user && !user.disabledAt ? user : null, userId: credential.userId };
  }

  async endSessions(manager: EntityManager, userId: string): Promise<number> {
    const result = await manager
      .getRepository(WebSession)
      .createQueryBuilder()
      .update()
      .set({ endedAt: nowInstant() })
      .where('"userId" = :userId AND "endedAt" IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }
}
