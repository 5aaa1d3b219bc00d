import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
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
  VoidedCustodyEventResponseDto,
} from './dto/custody-event-response.dto.js';
import { VoidCustodyEventDto } from './dto/void-custody-event.dto.js';

// Append-only: no PATCH or DELETE; an event entered in error is voided with a reason. The lab records
// only its receipts and returns (RECEIVED_BY_LAB, RETURNED_FROM_LAB).
@ApiTags('custody')
@ApiBearerAuth()
@Controller('devices/:id/custody-events')
export class CustodyController {
  constructor(private readonly custody: CustodyService) {}

  @Post()
  @Roles(Role.ExhibitsOfficer, Role.Lab)
  async record(
    @IdParam() id: string,
    @Body() dto: CreateCustodyEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CustodyEventResponseDto> {
    return toCustodyEventResponse(await this.custody.record(id, dto, user));
  }

  /** Marks the event voided (who, when, why); the device's custody follows the events that remain. */
  @Post(':eventId/void')
  @HttpCode(200)
  @Roles(Role.ExhibitsOfficer, Role.Lab)
  async void(
    @IdParam() id: string,
    @IdParam('eventId') eventId: string,
    @Body() dto: VoidCustodyEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<VoidedCustodyEventResponseDto> {
    return this.custody.void(id, eventId, dto.reason, user);
  }

  /** The device's custody events in time order, voided ones included (marked). */
  @Get()
  @Roles(...RECORD_READERS)
  async list(@IdParam() id: string, @Query() query: PaginationQueryDto): Promise<CustodyEventPageDto> {
    const page = await this.custody.list(id, query.limit, query.offset);
    return { ...page, items: page.items.map(toCustodyEventResponse) };
  }
}
