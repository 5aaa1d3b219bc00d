import { Role } from '../../auth/role.enum.js';
import { Examination } from '../examination.entity.js';
import { EXAMINATION_RESTRICTED } from '../examination-restricted.js';

export class ExaminationResponseDto {
  id: string;
  deviceId: string;
  requestedAt: string;
  status: string;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  /** From the scope register on the local date of startedAt (never changed by completion), or the lab's override. */
  scopeStatusAtStart: string | null;
  /** Present when the lab overrode the status at start. */
  scopeStartOverrideReason: string | null;
  /** From the scope register on the local date of completedAt (null until completed), or the lab's override. */
  scopeStatusAtCompletion: string | null;
  /** Present when the lab overrode the status at completion. */
  scopeCompletionOverrideReason: string | null;
  codeCompliance: string;
  dataRecovered: boolean | null;
  /** Restricted: present only for lab and admin. */
  methods?: string | null;
  /** Restricted: present only for lab and admin. */
  findingsSummary?: string | null;
  /** Restricted: present only for lab and admin. The tools and versions used. */
  toolsUsed?: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

/** A list item also names the device: its exhibit reference, its case's reference and its type. */
export class ExaminationListItemDto extends ExaminationResponseDto {
  exhibitRef: string | null;
  caseReference: string | null;
  deviceType: string | null;
}

export function canSeeRestricted(role: Role): boolean {
  return role === Role.Lab || role === Role.Admin;
}

// Tools, techniques and findings are omitted (not nulled) for everyone but the lab and admin.
export function toExaminationResponse(exam: Examination, role: Role): ExaminationResponseDto {
  const response: ExaminationResponseDto = {
    id: exam.id,
    deviceId: exam.deviceId,
    requestedAt: exam.requestedAt,
    status: exam.status,
    startedAt: exam.startedAt,
    completedAt: exam.completedAt,
    cancelledAt: exam.cancelledAt,
    scopeStatusAtStart: exam.scopeStatusAtStart,
    scopeStartOverrideReason: exam.scopeStartOverrideReason,
    scopeStatusAtCompletion: exam.scopeStatusAtCompletion,
    scopeCompletionOverrideReason: exam.scopeCompletionOverrideReason,
    codeCompliance: exam.codeCompliance,
    dataRecovered: exam.dataRecovered,
    createdAt: exam.createdAt,
    createdBy: exam.createdBy,
    updatedAt: exam.updatedAt,
    version: exam.version,
    voidedAt: exam.voidedAt,
    voidedBy: exam.voidedBy,
    voidReason: exam.voidReason,
  };
  if (canSeeRestricted(role)) for (const field of EXAMINATION_RESTRICTED) response[field] = exam[field];
  return response;
}

export class ExaminationPageDto {
  items: ExaminationListItemDto[];
  total: number;
  limit: number;
  offset: number;
}
