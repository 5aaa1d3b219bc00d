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
  /** Set from the scope register on the local date of startedAt, re-set on completedAt's; or the lab's override. */
  scopeStatus: string | null;
  /** Present when the lab overrode the register's scope status. */
  scopeOverrideReason: string | null;
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
    scopeStatus: exam.scopeStatus,
    scopeOverrideReason: exam.scopeOverrideReason,
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
  items: ExaminationResponseDto[];
  total: number;
  limit: number;
  offset: number;
}
