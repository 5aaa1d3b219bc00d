import { ApiProperty } from '@nestjs/swagger';
import type { Case, CaseKind } from '../case.entity.js';
import { CASE_KINDS } from '../case-rules.js';

export class CaseResponseDto {
  id: string;
  reference: string;
  @ApiProperty({ enum: CASE_KINDS })
  kind: CaseKind;
  offenceGroup: string | null;
  offenceSubgroup: string | null;
  homeOfficeCode: string | null;
  incidentCategory: string | null;
  policeOutcome: string | null;
  courtStage: string | null;
  courtResult: string | null;
  courtResultAt: string | null;
  /** /api/reference/policing-areas; null when not recorded. */
  policingArea: string | null;
  /** Derived: police outcome 1 or 1A, or a court stage other than NOT_CHARGED. */
  progressedToCourt: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Send it back in If-Match to update (also the ETag). */
  version: number;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

export class CasePageDto {
  items: CaseResponseDto[];
  total: number;
  limit: number;
  offset: number;
}

export function toCaseResponse(entity: Case): CaseResponseDto {
  return {
    id: entity.id,
    reference: entity.reference,
    kind: entity.kind,
    offenceGroup: entity.offenceGroup,
    offenceSubgroup: entity.offenceSubgroup,
    homeOfficeCode: entity.homeOfficeCode,
    incidentCategory: entity.incidentCategory,
    policeOutcome: entity.policeOutcome,
    courtStage: entity.courtStage,
    courtResult: entity.courtResult,
    courtResultAt: entity.courtResultAt,
    policingArea: entity.policingArea ?? null,
    progressedToCourt: Boolean(entity.progressedToCourt),
    createdAt: entity.createdAt,
    createdBy: entity.createdBy,
    updatedAt: entity.updatedAt,
    version: entity.version,
    voidedAt: entity.voidedAt,
    voidedBy: entity.voidedBy,
    voidReason: entity.voidReason,
  };
}
