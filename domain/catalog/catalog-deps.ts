import { Clock } from '../shared/clock';
import { Ids } from '../shared/ids';
import { ShopLimits } from '../shared/limits';
import { TxBase, UnitOfWork } from '../shared/unit-of-work';
import { CategoryRepository } from './category-repository';
import { CodePoolRepository } from './code-pool-repository';
import { ImportJobRepository } from './import/import-job';
import { ProductTextRepository } from './product-texts';
import { ImportFiles } from './import/import-source';
import { ProductRepository } from './product-repository';
import { ProductSearch } from './product-search';
import { WebhookTargets } from './webhook-url';

/** What the catalog adds to a transaction. */
export interface CatalogRepositories {
  products: ProductRepository;
  codes: CodePoolRepository;
  categories: CategoryRepository;
  search: ProductSearch;
  catalogImports: ImportJobRepository;
  texts: ProductTextRepository;
}

export type CatalogTx = TxBase & CatalogRepositories;

export interface CatalogDeps {
  uow: UnitOfWork<CatalogRepositories>;
  clock: Clock;
  ids: Ids;
  limits: ShopLimits;
  importFiles: ImportFiles;
  /** Where webhook products may point (WEBHOOK_ALLOW_PRIVATE, https in production) and the DNS to check names with. */
  webhookTargets: WebhookTargets;
}
