import { ApiProperty } from '@nestjs/swagger';
import type { ProblemDto } from '../../common/openapi/problem.dto.js';
import type { ImportCounts, ImportResult, ImportWarning } from '../import-types.js';
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

export class ImportWarningDto implements ImportWarning {
  /** The row number the spreadsheet shows (the heading row for a column). */
  row: number;
  /** The heading as written in the file. */
  column: string;
  /** e.g. "Make differs: file 'TP-Link', register 'Tapo'; the import does not change existing devices". */
  message: string;
}

export class ImportCountsDto implements ImportCounts {
  cases: number;
  devices: number;
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
  /** Written by this import: 0 unless it was accepted and not a dry run. */
  casesCreated: number;
  devicesCreated: number;
  /** What the file creates when imported: in a dry run or a rejected file, what it would have created
   * (its rows without errors); in an accepted import, what it created. */
  wouldCreate: ImportCountsDto;
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
  /** The first 1,000 warnings in file order: columns the register does not read, and rows of cases or
   * exhibits already in the register whose values differ from the file (never changed by an import). */
  warnings: ImportWarningDto[];
  /** Every warning, counted. */
  warningCount: number;
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
