import { IsBoolean, IsOptional } from 'class-validator';
import { BooleanQuery } from '../../cases/dto/query-values.js';

export class ImportQueryDto {
  /** Check the whole file and say what would be added, writing nothing. */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  dryRun: boolean = false;
}
