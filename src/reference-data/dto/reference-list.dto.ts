import { ApiProperty } from '@nestjs/swagger';

export class ReferenceListNamesDto {
  /** The names of the code lists, for /api/reference/{name}. */
  lists: string[];
}

export class ReferenceItemDto {
  /** The code the API takes and answers. */
  code: string;
  label: string;
  /** The code of the item it belongs to in its parent list (e.g. a sub-group's group), if any. */
  parentCode: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Further facts about the code (e.g. a device type family), by list.',
  })
  attributes: Record<string, unknown>;
}

export class ReferenceListDto {
  list: string;
  items: ReferenceItemDto[];
}
