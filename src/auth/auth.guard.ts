import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { noteDenial } from '../common/denial.js';
import { ForbiddenError } from '../common/errors.js';
import { AuthUser, IS_PUBLIC, ROLES } from './auth-user.js';
import { Role } from './role.enum.js';
import { TokensService } from './tokens.service.js';

// Global: every route needs a valid bearer token unless @Public(); a route without @Roles is admin-only.
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const header = request.headers.authorization;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    const user = match ? await this.tokens.authenticate(match[1]) : null;
    if (!user) {
      // The reason goes to the security log only; the client learns no more than "not valid".
      noteDenial(
        request,
        match
          ? await this.tokens.whyRefused(match[1])
          : { reason: header ? 'not-a-bearer-token' : 'no-token' },
      );
      throw new UnauthorizedException('A valid bearer token is required (Authorization: Bearer <token>).');
    }
    request.user = user;
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES, targets) ?? [];
    if (user.role !== Role.Admin && !allowed.includes(user.role)) {
      noteDenial(request, { reason: 'ROLE_NOT_ALLOWED', userId: user.id });
      throw new ForbiddenError('ROLE_NOT_ALLOWED', `The ${user.role} role may not do this.`);
    }
    return true;
  }
}
