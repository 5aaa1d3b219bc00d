import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RECORD_READERS } from '../auth/all-roles.js';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { IdParam } from '../common/id-param.js';
import { DeviceMoveService } from './device-move.service.js';
import { DevicesQueries } from './devices.queries.js';
import { DevicesService } from './devices.service.js';
import { CreateDeviceDto } from './dto/create-device.dto.js';
import { DeviceQueryDto } from './dto/device-query.dto.js';
import { DevicePageDto, DeviceResponseDto, toDeviceResponse } from './dto/device-response.dto.js';
import { UpdateDeviceDto } from './dto/update-device.dto.js';
import { MoveDeviceDto } from './dto/move-device.dto.js';
import { VoidDeviceDto } from './dto/void-device.dto.js';
import { ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ApiBody } from '@nestjs/swagger';
import { DEVICE_EXAMPLE } from '../common/openapi/examples.js';

// Writers: exhibits officers (and admin); readers: exhibits officers and the lab. FOI: none.
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DevicesController {
  constructor(
    private readonly devices: DevicesService,
    private readonly queries: DevicesQueries,
    private readonly mover: DeviceMoveService,
  ) {}

  @Post()
  @Roles(Role.ExhibitsOfficer)
  @ApiOperation({ summary: 'Log a seized device (an exhibit)' })
  @ApiProblems(409, 422)
  @ApiBody({
    type: CreateDeviceDto,
    examples: { smartPlug: { summary: 'A smart plug seized switched on', value: DEVICE_EXAMPLE } },
  })
  async create(@Body() dto: CreateDeviceDto, @CurrentUser() user: AuthUser): Promise<DeviceResponseDto> {
    return toDeviceResponse(await this.devices.create(dto, user), user.role);
  }

  @Get()
  @Roles(...RECORD_READERS)
  @ApiOperation({ summary: 'List devices' })
  @ApiProblems(422)
  async list(@Query() query: DeviceQueryDto, @CurrentUser() user: AuthUser): Promise<DevicePageDto> {
    const page = await this.queries.list(query);
    const references = await this.queries.caseReferences(page.items);
    const items = page.items.map((device) =>
      Object.assign(toDeviceResponse(device, user.role), {
        caseReference: references.get(device.caseId) ?? null,
      }),
    );
    return { ...page, items };
  }

  @Get(':id')
  @Roles(...RECORD_READERS)
  @ApiOperation({ summary: 'Read a device' })
  async get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<DeviceResponseDto> {
    return toDeviceResponse(await this.devices.findOne(id), user.role);
  }

  /** Needs If-Match: "<version>". caseId and custodyStatus cannot be patched (custody moves by events). */
  @Patch(':id')
  @Roles(Role.ExhibitsOfficer)
  @ApiOperation({
    summary: 'Update a device',
    description:
      'Needs If-Match: "<version>". caseId and custodyStatus cannot be patched (custody moves by events).',
  })
  @ApiProblems(409, 412, 422, 428)
  async update(
    @IdParam() id: string,
    @Body() dto: UpdateDeviceDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<DeviceResponseDto> {
    return toDeviceResponse(await this.devices.update(id, dto, ifMatch, user), user.role);
  }

  /** Moves a device logged against the wrong case (If-Match: "<version>"); audited with both cases. */
  @Post(':id/move')
  @HttpCode(200)
  @Roles(Role.ExhibitsOfficer)
  @ApiProblems(409, 412, 422, 428)
  async move(
    @IdParam() id: string,
    @Body() dto: MoveDeviceDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<DeviceResponseDto> {
    return toDeviceResponse(await this.mover.move(id, dto.caseId, dto.reason, ifMatch, user), user.role);
  }

  @Post(':id/void')
  @HttpCode(200)
  @Roles(Role.ExhibitsOfficer)
  @ApiOperation({ summary: 'Void a device entered in error' })
  @ApiProblems(409, 422)
  async void(
    @IdParam() id: string,
    @Body() dto: VoidDeviceDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DeviceResponseDto> {
    return toDeviceResponse(await this.devices.void(id, dto.reason, user), user.role);
  }
}
