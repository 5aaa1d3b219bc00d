import { EntityManager } from 'typeorm';
import { RowInserter } from '../database/row-inserter.js';
import { Case } from '../cases/case.entity.js';
import { Device } from '../devices/device.entity.js';
import { exhibitRefKey } from '../devices/exhibit-reference.js';

export interface KnownCase {
  case: Case;
  /** Exhibit keys (exhibitRefKey) of its devices, voided ones included. */
  exhibits: Set<string>;
}

// What the import reads from and writes to the register, inside the caller's transaction.
export class ImportStore {
  private readonly cases: RowInserter<Case>;
  private readonly devices: RowInserter<Device>;

  constructor(readonly manager: EntityManager) {
    this.cases = new RowInserter(manager, Case);
    this.devices = new RowInserter(manager, Device);
  }

  // Cases by referenceKey (one index search each), with their devices' exhibit keys.
  async findCases(keys: string[]): Promise<KnownCase[]> {
    if (keys.length === 0) return [];
    const found = await this.manager
      .getRepository(Case)
      .createQueryBuilder('c')
      .where('c.referenceKey IN (:...keys)', { keys })
      .getMany();
    if (found.length === 0) return [];
    const devices = await this.manager
      .getRepository(Device)
      .createQueryBuilder('d')
      .select(['d.caseId', 'd.exhibitRef'])
      .where('d.caseId IN (:...ids)', { ids: found.map((c) => c.id) })
      .getMany();
    const byId = new Map(found.map((c) => [c.id, { case: c, exhibits: new Set<string>() }]));
    for (const d of devices) byId.get(d.caseId)?.exhibits.add(exhibitRefKey(d.exhibitRef));
    return [...byId.values()];
  }

  /** Every device of these cases, voided ones included (to compare re-imported rows with). */
  async findDevices(caseIds: string[]): Promise<Device[]> {
    if (caseIds.length === 0) return [];
    return this.manager
      .getRepository(Device)
      .createQueryBuilder('d')
      .where('d.caseId IN (:...caseIds)', { caseIds })
      .getMany();
  }

  async insertCases(records: Case[]): Promise<void> {
    await this.cases.insert(this.manager, records);
  }

  async insertDevices(records: Device[]): Promise<void> {
    await this.devices.insert(this.manager, records);
  }
}
