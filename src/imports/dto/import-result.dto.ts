import { ApiProperty } from '@nestjs/swagger';
import type { ProblemDto } from '../../common/openapi/problem.dto.js';
import type { ImportResult, RowNote } from '../import-types.js';
import type { RowError } from '../row-values.js';

export class ImportRowErrorDto implements RowError {
  /** The row number the spreadsheet shows. */
  row: number;
  /** The heading as written in the file (or the register's heading when the column is missing). */
  column: string;
  /** The API field the column feeds. */
  field: string;
  value: string;
  message: string;
}

export class ImportRowNoteDto implements RowNote {
  row: number;
  column: string;
  message: string;
}

// The answer's contract: it implements the service's result, so a field added to one and not the other
// is a compile error.
export class ImportResultDto implements ImportResult {
  dryRun: boolean;

  @ApiProperty({ enum: ['xlsx', 'csv'] })
  format: 'xlsx' | 'csv';

  /** true when nothing is wrong: the file was (or, in a dry run, would be) imported whole. */
  accepted: boolean;
  message: string;
  rowsRead: number;
  rowsValid: number;
  /** Created (or, in a dry run, to be created). */
  casesCreated: number;
  devicesCreated: number;
  /** Cases the file names that are already in the register: new devices are filed under them. */
  casesAlreadyPresent: number;
  /** Rows whose device is already in the register (same case reference and exhibit): skipped. */
  devicesAlreadyPresent: number;
  unknownColumns: string[];
  ignoredColumns: string[];
  /** Problems with the heading row itself. */
  fileErrors: string[];
  /** Every error of the file, counted. */
  errorCount: number;
  /** Rows with at least one error. */
  rowsWithErrors: number;
  /** The first 1,000 bad cells in file order: row number, column, value (at most 100 characters quoted)
   * and message. */
  errors: ImportRowErrorDto[];
  /** Things the import does not do, e.g. change an existing case. */
  notes: ImportRowNoteDto[];
}

// 422 for a rejected file: the RFC 9457 problem (code IMPORT_REJECTED) with the import result beside it;
// its errors[] name the cells (row, column, value) as well as the field.
export class ImportRejectedProblemDto extends ImportResultDto implements Omit<ProblemDto, 'errors'> {
  /** urn:seizure-register:problem:import-rejected */
  type: string;
  title: string;

  @ApiProperty({ type: 'integer', example: 422 })
  status: number;

  detail: string;

  @ApiProperty({ example: 'IMPORT_REJECTED' })
  code: string;
}
