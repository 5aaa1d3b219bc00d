import { EntityManager } from 'typeorm';
import { lockKey } from '../cases/key-lock.js';
import { ConflictError } from '../common/errors.js';
import { Device } from './device.entity.js';
import { exhibitRefKey } from './exhibit-reference.js';

export interface Exhibit {
  id: string;
  exhibitRef: string;
}

// Unique within the case, voided devices included; ABC/1 and ABC/001 are the same exhibit (409
// naming exhibitRef). On PostgreSQL the normalised key is locked until commit.
export async function requireFreeExhibitRef(
  manager: EntityManager,
  caseId: string,
  exhibitRef: string,
  selfId: string | null,
): Promise<void> {
  const key = exhibitRefKey(exhibitRef);
  await lockKey(manager, `exhibit:${caseId}:${key}`);
  const siblings = await manager
    .getRepository(Device)
    .find({ where: { caseId }, select: { id: true, exhibitRef: true } });
  requireFreeExhibit(siblings, key, selfId);
}

export function requireFreeExhibit(siblings: Exhibit[], key: string, selfId: string | null): void {
  const clash = siblings.find((d) => d.id !== selfId && exhibitRefKey(d.exhibitRef) === key);
  if (clash) {
    const message = `Exhibit ${clash.exhibitRef} is already recorded in this case.`;
    throw new ConflictError('EXHIBIT_REF_TAKEN', message, [{ field: 'exhibitRef', message }]);
  }
}
