import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from '../auth/all-roles.js';
import { Roles } from '../auth/auth-user.js';
import { ReferenceDataService, ReferenceItem } from './reference-data.service.js';

@ApiTags('reference')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('reference')
export class ReferenceDataController {
  constructor(private readonly reference: ReferenceDataService) {}

  /** The names of the code lists. */
  @Get()
  lists(): { lists: readonly string[] } {
    return { lists: this.reference.listNames() };
  }

  /** One code list: device-types, offence-groups, offence-subgroups, home-office-offences, police-outcomes, … */
  @Get(':name')
  list(@Param('name') name: string): { list: string; items: ReferenceItem[] } {
    return { list: name, items: this.reference.items(name) };
  }
}
