import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from '../auth/all-roles.js';
import { Roles } from '../auth/auth-user.js';
import { ReferenceListDto, ReferenceListNamesDto } from './dto/reference-list.dto.js';
import { ReferenceDataService } from './reference-data.service.js';
import { ApiOperation } from '@nestjs/swagger';

@ApiTags('reference')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('reference')
export class ReferenceDataController {
  constructor(private readonly reference: ReferenceDataService) {}

  /** The names of the code lists. */
  @Get()
  @ApiOperation({ summary: 'The names of the code lists' })
  lists(): ReferenceListNamesDto {
    return { lists: [...this.reference.listNames()] };
  }

  /** One code list: device-types, offence-groups, offence-subgroups, home-office-offences, police-outcomes, … */
  @Get(':name')
  @ApiOperation({
    summary: 'One code list',
    description: 'device-types, offence-groups, offence-subgroups, home-office-offences, police-outcomes, …',
  })
  list(@Param('name') name: string): ReferenceListDto {
    return { list: name, items: this.reference.items(name) };
  }
}
