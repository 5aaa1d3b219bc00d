import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { RECORD_READERS } from '../auth/all-roles.js';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { IdParam } from '../common/id-param.js';
import { PaginationQueryDto } from '../common/pagination.dto.js';
import { userNames } from '../common/user-names.js';
import type { CustodyEvent } from './custody-event.entity.js';
import { CustodyService } from './custody.service.js';
import { CreateCustodyEventDto } from './dto/create-custody-event.dto.js';
import {
  CustodyEventPageDto,
  CustodyEventResponseDto,
  toCustodyEventResponse,
  VoidedCustodyEventResponseDto,
} from './dto/custody-event-response.dto.js';
import { VoidCustodyEventDto } from './dto/void-custody-event.dto.js';
import { ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ApiBody } from '@nestjs/swagger';
import { CUSTODY_EVENT_EXAMPLE } from '../common/openapi/examples.js';

// Append-only: no PATCH or DELETE; an event entered in error is voided with a reason. The lab records
// only its receipts and returns (RECEIVED_BY_LAB, RETURNED_FROM_LAB).
@ApiTags('custody')
@ApiBearerAuth()
@Controller('devices/:id/custody-events')
export class CustodyController {
  constructor(
    private readonly custody: CustodyService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  // Names of the users who recorded the events (names, never ids alone), for every role that reads them.
  private names(events: CustodyEvent[]): Promise<Map<string, string>> {
    return userNames(
      this.dataSource,
      events.flatMap((e) => [e.createdBy, e.recordedBy, e.voidedBy]),
    );
  }

  @Post()
  @Roles(Role.ExhibitsOfficer, Role.Lab)
  @ApiOperation({
    summary: 'Record a custody event (continuity)',
    description:
      "Append-only; the device's custodyStatus follows the latest event that is not voided. The lab may record only RECEIVED_BY_LAB and RETURNED_FROM_LAB.",
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
    const event = await this.custody.record(id, dto, user);
    return toCustodyEventResponse(event, await this.names([event]));
  }

  /** Marks the event voided (who, when, why); the device's custody follows the events that remain. */
  @Post(':eventId/void')
  @HttpCode(200)
  @Roles(Role.ExhibitsOfficer, Role.Lab)
  @ApiOperation({
    summary: 'Void a custody event entered in error',
    description: 'It stays in the trail, marked voided; the device custody follows the remaining events.',
  })
  @ApiProblems(404, 409, 422)
  async void(
    @IdParam() id: string,
    @IdParam('eventId') eventId: string,
    @Body() dto: VoidCustodyEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<VoidedCustodyEventResponseDto> {
    const voided = await this.custody.void(id, eventId, dto.reason, user);
    const names = await userNames(this.dataSource, [voided.createdBy, voided.recordedBy, voided.voidedBy]);
    return {
      ...voided,
      recordedByName: names.get(voided.recordedBy) ?? null,
      createdByName: names.get(voided.createdBy) ?? null,
      voidedByName: voided.voidedBy ? (names.get(voided.voidedBy) ?? null) : null,
    };
  }

  /** The device's custody events in time order, voided ones included (marked). */
  @Get()
  @Roles(...RECORD_READERS)
  @ApiOperation({ summary: "List a device's custody events", description: 'In time order.' })
  async list(@IdParam() id: string, @Query() query: PaginationQueryDto): Promise<CustodyEventPageDto> {
    const page = await this.custody.list(id, query.limit, query.offset);
    const names = await this.names(page.items);
    return { ...page, items: page.items.map((e) => toCustodyEventResponse(e, names)) };
  }
}
