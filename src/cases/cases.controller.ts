import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RECORD_READERS } from '../auth/all-roles.js';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { IdParam } from '../common/id-param.js';
import { CasesService } from './cases.service.js';
import { CaseQueryDto } from './dto/case-query.dto.js';
import { CasePageDto, CaseResponseDto, toCaseResponse } from './dto/case-response.dto.js';
import { CreateCaseDto } from './dto/create-case.dto.js';
import { UpdateCaseDto } from './dto/update-case.dto.js';
import { VoidCaseDto } from './dto/void-case.dto.js';
import { ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ApiBody } from '@nestjs/swagger';
import { CASE_EXAMPLE } from '../common/openapi/examples.js';

// Writers: exhibits officers (and admin); readers: exhibits officers and the lab. FOI: none.
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Roles(Role.ExhibitsOfficer)
  @ApiOperation({ summary: 'Log a case' })
  @ApiProblems(409, 422)
  @ApiBody({
    type: CreateCaseDto,
    examples: { crime: { summary: 'A crime: drug trafficking', value: CASE_EXAMPLE } },
  })
  async create(@Body() dto: CreateCaseDto, @CurrentUser() user: AuthUser): Promise<CaseResponseDto> {
    return toCaseResponse(await this.cases.create(dto, user));
  }

  @Get()
  @Roles(...RECORD_READERS)
  @ApiOperation({ summary: 'List cases' })
  async list(@Query() query: CaseQueryDto): Promise<CasePageDto> {
    const page = await this.cases.list(query);
    return { ...page, items: page.items.map(toCaseResponse) };
  }

  @Get(':id')
  @Roles(...RECORD_READERS)
  @ApiOperation({ summary: 'Read a case' })
  async get(@IdParam() id: string): Promise<CaseResponseDto> {
    return toCaseResponse(await this.cases.findOne(id));
  }

  /** Needs If-Match: "<version>" (the ETag of the case as read). */
  @Patch(':id')
  @Roles(Role.ExhibitsOfficer)
  @ApiOperation({
    summary: 'Update a case',
    description: 'Needs If-Match: "<version>" (the ETag of the case as read).',
  })
  @ApiProblems(409, 412, 422, 428)
  async update(
    @IdParam() id: string,
    @Body() dto: UpdateCaseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<CaseResponseDto> {
    return toCaseResponse(await this.cases.update(id, dto, ifMatch, user));
  }

  /** Voids a case entered in error; its devices must be voided first. */
  @Post(':id/void')
  @HttpCode(200)
  @Roles(Role.ExhibitsOfficer)
  @ApiOperation({ summary: 'Void a case entered in error', description: 'Its devices must be voided first.' })
  @ApiProblems(409)
  async void(
    @IdParam() id: string,
    @Body() dto: VoidCaseDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CaseResponseDto> {
    return toCaseResponse(await this.cases.void(id, dto.reason, user));
  }
}
