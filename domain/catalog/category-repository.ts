import { Category, CategoryFields } from './category';

export interface CategoryRepository {
  /** Every category (a shop has tens to hundreds): the tree is small enough to read whole. */
  list(): Promise<Category[]>;
  findById(id: number): Promise<Category | null>;
  findByPath(path: string): Promise<Category | null>;
  /** 'DUPLICATE_PATH' when a sibling already has the slug (the unique key on the path decides). */
  insert(fields: CategoryFields, now: Date): Promise<Category | 'DUPLICATE_PATH'>;
  /** False when there is no such category. */
  update(id: number, fields: CategoryFields, now: Date): Promise<boolean | 'DUPLICATE_PATH'>;
  /** Rewrites the paths of every category below `oldPath` (a category moved or renamed its slug). */
  renamePathPrefix(oldPath: string, newPath: string, now: Date): Promise<void>;
  /** The category with this path and every category below it. */
  subtreeIds(path: string): Promise<number[]>;
}
