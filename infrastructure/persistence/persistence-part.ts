import { EntityManager, EntitySchema } from 'typeorm';
import { Dialect } from './dialect';

/** One context's tables and the repositories it adds to a transaction, bound to that transaction's EntityManager. */
export interface PersistencePart<R> {
  readonly entities: readonly EntitySchema[];
  readonly repositories: (manager: EntityManager, dialect: Dialect) => R;
}

export const definePersistence = <R>(entities: readonly EntitySchema[], repositories: (manager: EntityManager, dialect: Dialect) => R): PersistencePart<R> => ({
  entities,
  repositories,
});
