import { Column, Entity, PrimaryColumn } from 'typeorm';

// One row per code of every vocabulary, loaded by migrations from data/reference/*.json.
@Entity('reference_codes')
export class ReferenceCode {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  list: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  parentCode: string | null;

  @Column({ type: 'integer' })
  sortOrder: number;

  // Further attributes of the code as JSON text (e.g. canClaimAccredited).
  @Column({ type: 'text', nullable: true })
  attributes: string | null;
}
