import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The RFC 9457 problem body every error answer carries (src/common/problem-details.ts builds it).
export class FieldErrorDto {
  @ApiProperty({ description: 'The request field (body property, query or path parameter, header or cell).' })
  field: string;

  @ApiProperty({ description: 'What is wrong with it.' })
  message: string;
}

export class ProblemDto {
  @ApiProperty({
    description: '"about:blank", or urn:seizure-register:problem:<code> when the problem has a code.',
    example: 'urn:seizure-register:problem:validation-failed',
  })
  type: string;

  @ApiProperty({ description: 'The HTTP status phrase.', example: 'Bad Request' })
  title: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 })
  status: number;

  @ApiProperty({ description: 'What went wrong, for a person; never personal data.' })
  detail: string;

  @ApiPropertyOptional({
    description: 'Machine-readable reason (e.g. VALIDATION_FAILED, VERSION_MISMATCH, UNIQUE_CLASH).',
    example: 'VALIDATION_FAILED',
  })
  code?: string;

  @ApiPropertyOptional({
    type: [FieldErrorDto],
    description: 'Every bad field, when the problem is about fields.',
  })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ description: 'A URI naming this occurrence, when given.' })
  instance?: string;

  @ApiPropertyOptional({
    description:
      '413 for content past a documented bound: the bound crossed (README, "What an import reads").',
    example: 'cellChars',
  })
  limit?: string;

  @ApiPropertyOptional({ description: '413: the value of that bound.', example: 32767 })
  max?: number;
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
