import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth-user.js';
import { ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { HealthResponseDto } from './dto/health-response.dto.js';
import { RegisterStatements } from '../database/statements.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statements: RegisterStatements,
  ) {}

  /** Reports whether the register and its database answer. No token needed. */
  @Public()
  @Get()
  @ApiOperation({
    summary: 'Health check',
    description: 'Reports whether the register and its database answer.',
  })
  @ApiProblems(503)
  async check(): Promise<HealthResponseDto> {
    // On SQLite a statement waits while a transaction runs (an import's can be long): the register is
    // up, so say so at once instead of queueing behind it.
    if (this.statements.busy()) {
      return { status: 'ok', database: String(this.dataSource.options.type), busy: true };
    }
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException('The database does not answer.');
    }
    return { status: 'ok', database: String(this.dataSource.options.type) };
  }
}
