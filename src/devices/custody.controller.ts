import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RECORD_READERS } from '../auth/all-roles.js';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { IdParam } from '../common/id-param.js';
import { PaginationQueryDto } from '../common/pagination.dto.js';
import { CustodyService } from './custody.service.js';
import { CreateCustodyEventDto } from './dto/create-custody-event.dto.js';
import {
  CustodyEventPageDto,
  CustodyEventResponseDto,
  toCustodyEventResponse,
} from './dto/custody-event-response.dto.js';
import { ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ApiBody } from '@nestjs/swagger';
import { CUSTODY_EVENT_EXAMPLE } from '../common/openapi/examples.js';

// Append-only: no PATCH or DELETE; a wrong event is corrected by a later one.
@ApiTags('custody')
@ApiBearerAuth()
@Controller('devices/:id/custody-events')
export class CustodyController {
  constructor(private readonly custody: CustodyService) {}

  @Post()
  @Roles(Role.ExhibitsOfficer)
  @ApiOperation({
    summary: 'Record a custody event (continuity)',
    description: "Append-only; the device's custodyStatus follows the latest event.",
  })
  @ApiProblems(409, 422)
  @ApiBody({
    type: CreateCustodyEventDto,
    examples: { bookIn: { summary: 'Booked into the main property store', value: CUSTODY_EVENT_EXAMPLE } },
  })
  async record(
    @IdParam() id: string,
    @Body() dto: CreateCustodyEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CustodyEventResponseDto> {
    return toCustodyEventResponse(await this.custody.record(id, dto, user));
  }

  /** The device's custody events in time order. */
  @Get()
  @Roles(...RECORD_READERS)
  @ApiOperation({ summary: "List a device's custody events", description: 'In time order.' })
  async list(@IdParam() id: string, @Query() query: PaginationQueryDto): Promise<CustodyEventPageDto> {
    const page = await this.custody.list(id, query.limit, query.offset);
    return { ...page, items: page.items.map(toCustodyEventResponse) };
  }
}
