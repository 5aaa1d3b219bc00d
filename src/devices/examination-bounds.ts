import { EntityManager } from 'typeorm';
import { FieldError } from '../common/errors.js';

// What a device's non-voided examinations pin down: how many there are and their earliest instant
// (requested, started, completed or cancelled), which the seizure may not come after.
export interface ExaminationBounds {
  count: number;
  earliestAt: string | null;
}

const TIMES = ['requestedAt', 'startedAt', 'completedAt', 'cancelledAt'] as const;

// Examinations depend on devices, not the reverse: the table is read by name, without that module.
export async function examinationBounds(
  manager: EntityManager,
  deviceId: string,
): Promise<ExaminationBounds> {
  const qb = manager.createQueryBuilder().select('COUNT(*)', 'n').from('examinations', 'e');
  for (const time of TIMES) qb.addSelect(`MIN(e."${time}")`, time);
  const row = await qb
    .where('e."deviceId" = :deviceId AND e."voidedAt" IS NULL', { deviceId })
    .getRawOne<Record<'n' | (typeof TIMES)[number], string | number | null>>();
  const instants = TIMES.map((time) => row?.[time]).filter((at): at is string => typeof at === 'string');
  const earliestAt = instants.reduce<string | null>(
    (min, at) => (min === null || Date.parse(at) < Date.parse(min) ? at : min),
    null,
  );
  return { count: Number(row?.n ?? 0), earliestAt };
}

// A change to the seizure time or device type must not contradict the device's examinations:
// none may come before the seizure, and their scope status was decided for the recorded type.
export function checkAgainstExaminations(
  changes: { seizedAt?: string; deviceType?: string },
  bounds: ExaminationBounds,
): FieldError | null {
  if (changes.deviceType !== undefined && bounds.count > 0) {
    return {
      field: 'deviceType',
      message: `the device has ${bounds.count} examination(s) whose scope status was decided for its current type; void or re-record the examinations first`,
    };
  }
  if (
    changes.seizedAt !== undefined &&
    bounds.earliestAt !== null &&
    Date.parse(changes.seizedAt) > Date.parse(bounds.earliestAt)
  ) {
    return {
      field: 'seizedAt',
      message: `seizedAt is after the device's earliest examination time (${bounds.earliestAt})`,
    };
  }
  return null;
}

// The device's first receipt by the lab that stands (a RECEIVED_BY_LAB custody event not voided), or
// null: an examination may not start before it (issue 13, part 4).
export async function firstLabReceiptAt(manager: EntityManager, deviceId: string): Promise<string | null> {
  const row = await manager
    .createQueryBuilder()
    .select('MIN(c."at")', 'at')
    .from('custody_events', 'c')
    .where('c."deviceId" = :deviceId AND c."purpose" = :purpose AND c."voidedAt" IS NULL', {
      deviceId,
      purpose: 'RECEIVED_BY_LAB',
    })
    .getRawOne<{ at: string | null }>();
  return row?.at ?? null;
}
