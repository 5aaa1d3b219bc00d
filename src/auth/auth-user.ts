import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from './role.enum.js';

export interface AuthUser {
  id: string;
  role: Role;
  /** The token this request came with (API requests; absent for other ways in). */
  tokenId?: string;
}

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

// No token needed: /health and the API docs only.
export const Public = () => SetMetadata(IS_PUBLIC, true);

// Roles allowed besides admin, who may do everything.
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser =>
    context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
