import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/errors.js';
import { ReferenceCode } from './reference-code.entity.js';
import { REFERENCE_LISTS, ReferenceListName } from './reference-lists.js';

export interface ReferenceItem {
  code: string;
  label: string;
  parentCode: string | null;
  attributes: Record<string, unknown>;
}

// The vocabularies change only through migrations, so they are read once at start-up.
@Injectable()
export class ReferenceDataService implements OnModuleInit {
  private lists = new Map<string, Map<string, ReferenceItem>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const rows = await this.dataSource
      .getRepository(ReferenceCode)
      .find({ order: { list: 'ASC', sortOrder: 'ASC' } });
    const lists = new Map<string, Map<string, ReferenceItem>>(
      REFERENCE_LISTS.map((name) => [name, new Map()]),
    );
    for (const row of rows) {
      lists.get(row.list)?.set(row.code, {
        code: row.code,
        label: row.label,
        parentCode: row.parentCode,
        attributes: row.attributes ? (JSON.parse(row.attributes) as Record<string, unknown>) : {},
      });
    }
    this.lists = lists;
  }

  listNames(): readonly string[] {
    return REFERENCE_LISTS;
  }

  items(list: string): ReferenceItem[] {
    const items = this.lists.get(list);
    if (!items) throw new NotFoundError('REFERENCE_LIST_NOT_FOUND', `No reference list is called "${list}".`);
    return [...items.values()];
  }

  has(list: ReferenceListName, code: string): boolean {
    return this.lists.get(list)?.has(code) ?? false;
  }

  get(list: ReferenceListName, code: string): ReferenceItem | undefined {
    return this.lists.get(list)?.get(code);
  }

  codes(list: ReferenceListName): string[] {
    return [...(this.lists.get(list)?.keys() ?? [])];
  }
}
