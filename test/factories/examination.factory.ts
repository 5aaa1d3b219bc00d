import { CreateExaminationDto } from '../../src/examinations/dto/create-examination.dto.js';

// A plain object (not a class instance) with the create DTO's fields.
export type ExaminationBody = { [K in keyof CreateExaminationDto]: CreateExaminationDto[K] };

// A valid examination request for a device seized before 2024-01-05.
export function examinationDto(deviceId: string, overrides: Partial<ExaminationBody> = {}): ExaminationBody {
  return {
    deviceId,
    requestedAt: '2024-01-05T09:30:00+00:00',
    codeCompliance: 'NOT_ASSESSED',
    ...overrides,
  };
}
