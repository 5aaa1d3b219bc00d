import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Headers, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiHeavyWork } from '../common/openapi/api-problems.decorator.js';
import { binaryResponse } from '../common/openapi/binary-response.js';
import { ImportRejectedProblemDto, ImportResultDto } from './dto/import-result.dto.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.enum.js';
import { problem } from '../common/problem-details.js';
import { DeviceImportService } from './device-import.service.js';
import { ImportQueryDto } from './dto/import-query.dto.js';
import { writeErrorsWorkbook } from './errors-workbook.js';
import type { ImportResult } from './import-types.js';
import { writeTemplate } from './template-workbook.js';
import { type SavedUpload, saveUpload, tempDir } from './upload.js';
import { WorkLimiter } from '../common/work-limiter.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { ApiOperation } from '@nestjs/swagger';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Moving in: cases and devices from a spreadsheet, all or nothing.
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: DeviceImportService,
    private readonly reference: ReferenceDataService,
    private readonly limiter: WorkLimiter,
  ) {}

  /**
   * Upload .xlsx or .csv (multipart field "file"), one row per device with its case's fields. Every row is
   * checked as the API checks it; any error and nothing is written (422 listing every bad cell, or, with
   * `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, the rows with an Errors
   * column). Rows already in the register (case reference + exhibit) are skipped. Over the upload
   * limit, or past any bound of the README's table (rows, columns, cell text, …): 413 naming it. When
   * the register is running as many expensive requests as it allows: 429 with Retry-After.
   */
  @Post('devices')
  @Roles(Role.ExhibitsOfficer)
  @ApiHeavyWork()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: '.xlsx or .csv (UTF-8), up to 50 MB' },
      },
    },
  })
  @ApiOkResponse({
    type: ImportResultDto,
    description: 'A dry run, or a file with nothing new: nothing written.',
  })
  @ApiCreatedResponse({ type: ImportResultDto, description: 'Imported: every new case and device written.' })
  @ApiResponse({
    status: 422,
    description:
      'Rejected, nothing written: every bad cell listed (or, when the Accept header asks for it, the rows back with an Errors column).',
    content: {
      'application/problem+json': { schema: { $ref: getSchemaPath(ImportRejectedProblemDto) } },
      [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiExtraModels(ImportRejectedProblemDto)
  @ApiOperation({ summary: 'Import cases and devices from a spreadsheet' })
  async importDevices(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: ImportQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<ImportResult | StreamableFile | object> {
    // One of the limited slots for expensive work, taken before the upload is read and given back
    // when the answer (or the errors workbook) has been sent.
    const release = await this.limiter.acquire();
    let upload: SavedUpload;
    try {
      upload = await saveUpload(request);
    } catch (error) {
      release();
      throw error;
    }
    let keep = false;
    try {
      const result = await this.imports.importFile(upload.path, { dryRun: query.dryRun, actor: user });
      if (result.accepted) {
        void reply.status(query.dryRun || result.devicesCreated + result.casesCreated === 0 ? 200 : 201);
        return result;
      }
      void reply.status(422);
      if (accept?.includes(XLSX_TYPE)) {
        const target = join(upload.dir, 'errors.xlsx');
        await writeErrorsWorkbook(upload.path, result.format, result, target);
        const stream = createReadStream(target);
        stream.on('close', () => {
          release();
          void upload.remove();
        });
        keep = true;
        const name = upload.fileName.replace(/\.(xlsx|csv)$/i, '');
        return new StreamableFile(stream, {
          type: XLSX_TYPE,
          disposition: `attachment; filename="${name.replace(/[^\w.-]/g, '_')}-errors.xlsx"`,
        });
      }
      void reply.header('content-type', 'application/problem+json; charset=utf-8');
      return { ...problem(422, result.message, { code: 'IMPORT_REJECTED' }), ...result };
    } finally {
      if (!keep) {
        release();
        await upload.remove();
      }
    }
  }

  /** The import template: the headings, a sample row, drop-downs for the coded columns. */
  @Get('devices/template.xlsx')
  @Roles(Role.ExhibitsOfficer)
  @ApiOkResponse(binaryResponse(XLSX_TYPE, 'The workbook, as an attachment.'))
  @ApiOperation({
    summary: 'The import template (Excel)',
    description: 'The headings, a sample row, drop-downs for the coded columns.',
  })
  async template(): Promise<StreamableFile> {
    const temp = await tempDir();
    const target = join(temp.dir, 'template.xlsx');
    await writeTemplate(target, this.reference);
    const stream = createReadStream(target);
    stream.on('close', () => void temp.remove());
    return new StreamableFile(stream, {
      type: XLSX_TYPE,
      disposition: 'attachment; filename="devices-import-template.xlsx"',
    });
  }
}
