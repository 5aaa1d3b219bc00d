import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { IdParam } from '../common/id-param.js';
import { CreateExaminationDto } from './dto/create-examination.dto.js';
import { ExaminationQueryDto } from './dto/examination-query.dto.js';
import {
  ExaminationPageDto,
  ExaminationResponseDto,
  toExaminationResponse,
} from './dto/examination-response.dto.js';
import { UpdateExaminationDto } from './dto/update-examination.dto.js';
import { VoidExaminationDto } from './dto/void-examination.dto.js';
import { ExaminationsService } from './examinations.service.js';
import { ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

// The FOI role has no record-level access; exhibits officers read without the restricted fields.
@ApiTags('examinations')
@ApiBearerAuth()
@Controller('examinations')
export class ExaminationsController {
  constructor(private readonly examinations: ExaminationsService) {}

  @Post()
  @Roles(Role.Lab)
  @ApiOperation({ summary: 'Record an examination request' })
  @ApiProblems(409, 422)
  async create(
    @Body() dto: CreateExaminationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ExaminationResponseDto> {
    return toExaminationResponse(await this.examinations.create(dto, user.id), user.role);
  }

  @Get()
  @Roles(Role.Lab, Role.ExhibitsOfficer)
  @ApiOperation({ summary: 'List examinations' })
  async list(
    @Query() query: ExaminationQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ExaminationPageDto> {
    const page = await this.examinations.list(query);
    const devices = await this.examinations.devicesOf(page.items);
    const items = page.items.map((exam) => {
      const device = devices.get(exam.deviceId);
      return Object.assign(toExaminationResponse(exam, user.role), {
        exhibitRef: device?.exhibitRef ?? null,
        caseReference: device?.caseReference ?? null,
        deviceType: device?.deviceType ?? null,
      });
    });
    return { ...page, items };
  }

  @Get(':id')
  @Roles(Role.Lab, Role.ExhibitsOfficer)
  @ApiOperation({ summary: 'Read an examination' })
  async get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ExaminationResponseDto> {
    return toExaminationResponse(await this.examinations.get(id), user.role);
  }

  /** Needs If-Match: "<version>" from the ETag. */
  @Patch(':id')
  @Roles(Role.Lab)
  @ApiOperation({
    summary: 'Update an examination',
    description: 'Needs If-Match: "<version>" from the ETag. Status moves forward only.',
  })
  @ApiProblems(409, 412, 422, 428)
  async update(
    @IdParam() id: string,
    @Body() dto: UpdateExaminationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<ExaminationResponseDto> {
    return toExaminationResponse(await this.examinations.update(id, dto, ifMatch, user.id), user.role);
  }

  @Post(':id/void')
  @HttpCode(200)
  @Roles(Role.Lab)
  @ApiOperation({ summary: 'Void an examination entered in error' })
  @ApiProblems(409)
  async void(
    @IdParam() id: string,
    @Body() dto: VoidExaminationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ExaminationResponseDto> {
    return toExaminationResponse(await this.examinations.void(id, dto.reason, user.id), user.role);
  }
}
