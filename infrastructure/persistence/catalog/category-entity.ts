import { EntitySchema } from 'typeorm';
import { bigintColumn, idColumn, intColumn, stringColumn } from '../columns';

export interface CategoryRow {
  id: number;
  parent_id: number | null;
  slug: string;
  path: string;
  position: number;
  name: string;
  created_at: number;
  updated_at: number;
}

export const CategoryEntity = new EntitySchema<CategoryRow>({
  name: 'Category',
  tableName: 'categories',
  columns: {
    id: idColumn(),
    parent_id: bigintColumn(true),
    slug: stringColumn(48),
    path: stringColumn(255),
    position: intColumn(),
    name: stringColumn(80),
    created_at: bigintColumn(),
    updated_at: bigintColumn(),
  },
});
