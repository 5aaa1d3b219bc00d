import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from './all-roles.js';
import { CurrentUser, Roles, type AuthUser } from './auth-user.js';
import { MeResponseDto } from './dto/me-response.dto.js';
import { TokensService } from './tokens.service.js';
import { UsersService } from './users.service.js';

// Who am I: every role, about itself only.
@ApiTags('users')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
  ) {}

  /** The caller's id, name and role, and when the token it used expires. */
  @Get()
  @Roles(...ALL_ROLES)
  async me(@CurrentUser() caller: AuthUser): Promise<MeResponseDto> {
    const user = await this.users.get(caller.id);
    const tokenExpiresAt = caller.tokenId ? await this.tokens.effectiveExpiry(caller.tokenId) : null;
    return { id: user.id, name: user.name, role: user.role, tokenId: caller.tokenId ?? null, tokenExpiresAt };
  }
}
