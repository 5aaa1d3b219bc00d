import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { nowInstant } from '../common/columns.js';
import { NotFoundError } from '../common/errors.js';
import { newId } from '../common/new-id.js';
import { Page } from '../common/pagination.dto.js';
import { Role } from './role.enum.js';
import { TokensService } from './tokens.service.js';
import { User } from './user.entity.js';

export interface CreatedUser {
  user: User;
  token: string;
  tokenId: string;
  tokenExpiresAt: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly audit: AuditService,
  ) {}

  // actorId is null when the command line creates the first admin.
  async create(
    name: string,
    role: Role,
    actorId: string | null,
    tokenExpiresAt?: string,
  ): Promise<CreatedUser> {
    this.tokens.checkExpiry(tokenExpiresAt);
    return this.dataSource.transaction(async (manager) => {
      const user = Object.assign(new User(), {
        id: newId(),
        name,
        role,
        createdAt: nowInstant(),
        disabledAt: null,
      });
      await manager.getRepository(User).insert(user);
      await this.audit.record(manager, {
        actorId,
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        after: { name, role },
      });
      const { token, record } = await this.tokens.issue(manager, user.id, actorId, {
        label: 'initial',
        expiresAt: tokenExpiresAt,
      });
      return { user, token, tokenId: record.id, tokenExpiresAt: record.expiresAt! };
    });
  }

  async list(limit: number, offset: number): Promise<Page<User>> {
    const [items, total] = await this.dataSource
      .getRepository(User)
      .findAndCount({ order: { createdAt: 'ASC', id: 'ASC' }, take: limit, skip: offset });
    return { items, total, limit, offset };
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundError('USER_NOT_FOUND', 'No user has this id.');
    return user;
  }

  async issueToken(
    userId: string,
    actorId: string,
    options: { label?: string; expiresAt?: string },
  ): Promise<{ token: string; tokenId: string; expiresAt: string | null }> {
    await this.get(userId);
    this.tokens.checkExpiry(options.expiresAt);
    return this.dataSource.transaction(async (manager) => {
      const { token, record } = await this.tokens.issue(manager, userId, actorId, options);
      return { token, tokenId: record.id, expiresAt: record.expiresAt };
    });
  }

  async disable(id: string, actorId: string): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.findOneBy({ id });
      if (!user) throw new NotFoundError('USER_NOT_FOUND', 'No user has this id.');
      if (!user.disabledAt) {
        user.disabledAt = nowInstant();
        await repo.update({ id }, { disabledAt: user.disabledAt });
        await this.audit.record(manager, {
          actorId,
          action: 'user.disable',
          entity: 'user',
          entityId: id,
          before: { disabledAt: null },
          after: { disabledAt: user.disabledAt },
        });
      }
      return user;
    });
  }
}
