import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from '../auth/all-roles.js';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { IdParam } from '../common/id-param.js';
import { AccreditationService } from './accreditation.service.js';
import { CreateScopeEntryDto } from './dto/create-scope-entry.dto.js';
import { ScopeEntryQueryDto } from './dto/scope-entry-query.dto.js';
import {
  ScopeEntryPageDto,
  ScopeEntryResponseDto,
  toScopeEntryResponse,
} from './dto/scope-entry-response.dto.js';
import { ScopeStatusQueryDto } from './dto/scope-status-query.dto.js';
import { ScopeStatusResponseDto, toScopeStatusResponse } from './dto/scope-status-response.dto.js';
import { VoidScopeEntryDto } from './dto/void-scope-entry.dto.js';
import { ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

// The scope register is append-only: a change is a new dated row; a row entered in error is voided.
// There is deliberately no PATCH.
@ApiTags('accreditation')
@ApiBearerAuth()
@Controller('accreditation')
export class AccreditationController {
  constructor(private readonly accreditation: AccreditationService) {}

  /** Record a change to the scope (a new dated row). */
  @Post('scope-entries')
  @Roles(Role.Lab)
  @ApiOperation({
    summary: 'Record a change to the scope register',
    description: 'A new dated row; rows are never edited.',
  })
  @ApiProblems(409, 422)
  async create(
    @Body() dto: CreateScopeEntryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ScopeEntryResponseDto> {
    return toScopeEntryResponse(await this.accreditation.create(dto, user.id));
  }

  @Get('scope-entries')
  @Roles(Role.Lab, Role.ExhibitsOfficer)
  @ApiOperation({ summary: 'List scope register rows' })
  async list(@Query() query: ScopeEntryQueryDto): Promise<ScopeEntryPageDto> {
    const page = await this.accreditation.list(query);
    return { ...page, items: page.items.map(toScopeEntryResponse) };
  }

  @Get('scope-entries/:id')
  @Roles(Role.Lab, Role.ExhibitsOfficer)
  @ApiOperation({ summary: 'Read a scope register row' })
  async get(@IdParam() id: string): Promise<ScopeEntryResponseDto> {
    return toScopeEntryResponse(await this.accreditation.get(id));
  }

  @Post('scope-entries/:id/void')
  @HttpCode(200)
  @Roles(Role.Lab)
  @ApiOperation({ summary: 'Void a scope register row entered in error' })
  @ApiProblems(409)
  async void(
    @IdParam() id: string,
    @Body() dto: VoidScopeEntryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ScopeEntryResponseDto> {
    return toScopeEntryResponse(await this.accreditation.void(id, dto.reason, user.id));
  }

  /** The register's status for a device type on a local date (default today); NOT_ACCREDITED when no row applies. */
  @Get('status')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Accreditation status on a date',
    description:
      "The register's status for a device type on a local date (default today); NOT_ACCREDITED when no row applies.",
  })
  async status(
    @Query() query: ScopeStatusQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ScopeStatusResponseDto> {
    const status = await this.accreditation.statusOn(query.deviceType, query.on, query.activity);
    return toScopeStatusResponse(status, user.role);
  }
}
