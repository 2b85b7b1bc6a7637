import { Clock } from '../shared/clock';
import { Ids } from '../shared/ids';
import { ShopLimits } from '../shared/limits';
import { TxBase, UnitOfWork } from '../shared/unit-of-work';
import { CodePoolRepository } from './code-pool-repository';
import { ImportJobRepository } from './import/import-job';
import { ImportFiles } from './import/import-source';
import { ProductRepository } from './product-repository';

/** What the catalog adds to a transaction. */
export interface CatalogRepositories {
  products: ProductRepository;
  codes: CodePoolRepository;
  catalogImports: ImportJobRepository;
}

export type CatalogTx = TxBase & CatalogRepositories;

export interface CatalogDeps {
  uow: UnitOfWork<CatalogRepositories>;
  clock: Clock;
  ids: Ids;
  limits: ShopLimits;
  importFiles: ImportFiles;
}
