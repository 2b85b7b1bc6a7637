export { createPersistence } from './create-persistence';
export type { Persistence, PersistenceOptions } from './create-persistence';
export type { PersistenceLogger } from './persistence-logger';
