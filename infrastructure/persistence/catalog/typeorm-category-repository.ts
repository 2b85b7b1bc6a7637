import { EntityManager } from 'typeorm';
import { Category, CategoryFields, CategoryRepository } from '../../../domain/catalog';
import { affectedRows } from '../affected-rows';
import { toDate, toMs } from '../columns';
import { Dialect, LIKE_ESCAPE } from '../dialect';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';
import { CategoryEntity, CategoryRow } from './category-entity';

const categoryFromRow = (row: CategoryRow): Category => ({
  id: row.id,
  parentId: row.parent_id,
  slug: row.slug,
  path: row.path,
  position: row.position,
  name: row.name,
  createdAt: toDate(row.created_at),
  updatedAt: toDate(row.updated_at),
});

const columnsOf = (fields: CategoryFields) => ({
  parent_id: fields.parentId,
  slug: fields.slug,
  path: fields.path,
  position: fields.position,
  name: fields.name,
});

/** Everything below a path: slugs are [a-z0-9-], so only the escape character itself needs escaping. */
const belowPattern = (path: string): string => `${path.replace(/[!%_]/g, (c) => `${LIKE_ESCAPE}${c}`)}/%`;

export class TypeormCategoryRepository implements CategoryRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly dialect: Dialect,
  ) {}

  async list(): Promise<Category[]> {
    const rows = await this.manager.find(CategoryEntity, { order: { path: 'ASC' } });
    return rows.map(categoryFromRow);
  }

  async findById(id: number): Promise<Category | null> {
    const row = await this.manager.findOneBy(CategoryEntity, { id });
    return row ? categoryFromRow(row) : null;
  }

  async findByPath(path: string): Promise<Category | null> {
    const row = await this.manager.findOneBy(CategoryEntity, { path });
    return row ? categoryFromRow(row) : null;
  }

  async insert(fields: CategoryFields, now: Date): Promise<Category | 'DUPLICATE_PATH'> {
    const ms = toMs(now);
    try {
      const result = await this.manager
        .createQueryBuilder()
        .insert()
        .into(CategoryEntity)
        .values({ ...columnsOf(fields), created_at: ms, updated_at: ms })
        .execute();
      const id = Number(result.identifiers[0]?.id);
      return { id, ...fields, createdAt: toDate(ms), updatedAt: toDate(ms) };
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.categoryPath)) return 'DUPLICATE_PATH';
      throw error;
    }
  }

  async update(id: number, fields: CategoryFields, now: Date): Promise<boolean | 'DUPLICATE_PATH'> {
    try {
      const result = await this.manager
        .createQueryBuilder()
        .update(CategoryEntity)
        .set({ ...columnsOf(fields), updated_at: toMs(now) })
        .where('id = :id', { id })
        .execute();
      return affectedRows(result) === 1;
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.categoryPath)) return 'DUPLICATE_PATH';
      throw error;
    }
  }

  async renamePathPrefix(oldPath: string, newPath: string, now: Date): Promise<void> {
    const renamed = this.dialect === 'mysql' ? 'CONCAT(:newPath, SUBSTRING(path, :from))' : ':newPath || substr(path, :from)';
    await this.manager
      .createQueryBuilder()
      .update(CategoryEntity)
      .set({ path: () => renamed, updated_at: toMs(now) })
      .where(`path LIKE :below ESCAPE '${LIKE_ESCAPE}'`, { below: belowPattern(oldPath) })
      .setParameters({ newPath, from: oldPath.length + 1 })
      .execute();
  }

  async subtreeIds(path: string): Promise<number[]> {
    const rows = await this.manager
      .createQueryBuilder(CategoryEntity, 'c')
      .select('c.id', 'id')
      .where(`c.path = :path OR c.path LIKE :below ESCAPE '${LIKE_ESCAPE}'`, { path, below: belowPattern(path) })
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }
}
