import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../common/id-param.js';
import { PaginationQueryDto } from '../common/pagination.dto.js';
import { CurrentUser, type AuthUser } from './auth-user.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { IssueTokenDto } from './dto/issue-token.dto.js';
import {
  CreatedUserResponseDto,
  IssuedTokenResponseDto,
  toTokenResponse,
  toUserResponse,
  TokenResponseDto,
  UserPageDto,
  UserResponseDto,
} from './dto/user-response.dto.js';
import { TokensService } from './tokens.service.js';
import { UsersService } from './users.service.js';
import { ApiOperation } from '@nestjs/swagger';

// Admin only (no @Roles): users and their tokens.
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a user (and their first token, shown once)' })
  async create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser): Promise<CreatedUserResponseDto> {
    const created = await this.users.create(dto.name, dto.role, actor.id);
    return Object.assign(toUserResponse(created.user), {
      token: created.token,
      tokenId: created.tokenId,
      tokenExpiresAt: created.tokenExpiresAt,
    });
  }

  @Get()
  @ApiOperation({ summary: 'List users' })
  async list(@Query() query: PaginationQueryDto): Promise<UserPageDto> {
    const page = await this.users.list(query.limit, query.offset);
    return { ...page, items: page.items.map(toUserResponse) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a user' })
  async get(@IdParam() id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.users.get(id));
  }

  @Post(':id/disable')
  @ApiOperation({ summary: 'Disable a user (their tokens stop working at once)' })
  async disable(@IdParam() id: string, @CurrentUser() actor: AuthUser): Promise<UserResponseDto> {
    return toUserResponse(await this.users.disable(id, actor.id));
  }

  @Get(':id/tokens')
  @ApiOperation({ summary: "List a user's tokens (never the secrets)" })
  async listTokens(@IdParam() id: string): Promise<TokenResponseDto[]> {
    await this.users.get(id);
    return (await this.tokens.listFor(id)).map(toTokenResponse);
  }

  @Post(':id/tokens')
  @ApiOperation({ summary: 'Issue a token for a user (shown once)' })
  issueToken(
    @IdParam() id: string,
    @Body() dto: IssueTokenDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<IssuedTokenResponseDto> {
    return this.users.issueToken(id, actor.id, dto);
  }

  @Post(':id/tokens/:tokenId/revoke')
  @ApiOperation({ summary: 'Revoke a token (effective at once)' })
  async revokeToken(
    @IdParam() id: string,
    @IdParam('tokenId') tokenId: string,
    @CurrentUser() actor: AuthUser,
  ): Promise<TokenResponseDto> {
    return toTokenResponse(await this.tokens.revoke(id, tokenId, actor.id));
  }
}
