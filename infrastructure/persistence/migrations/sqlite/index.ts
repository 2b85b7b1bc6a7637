import { InitialSchema1763700000000 } from './1763700000000-InitialSchema';

/** Listed, never globbed: the same array works from ts (jest) and from the compiled dist. Append new ones. */
export const SQLITE_MIGRATIONS = [InitialSchema1763700000000];
