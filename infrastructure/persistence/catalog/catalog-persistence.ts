import { CatalogRepositories } from '../../../domain/catalog';
import { definePersistence } from '../persistence-part';
import { CatalogImportEntity } from './catalog-import-entity';
import { ProductCodeEntity } from './product-code-entity';
import { ProductEntity } from './product-entity';
import { TypeormCatalogImportRepository } from './typeorm-catalog-import-repository';
import { TypeormCodePoolRepository } from './typeorm-code-pool-repository';
import { TypeormProductRepository } from './typeorm-product-repository';

export const catalogPersistence = definePersistence<CatalogRepositories>([ProductEntity, ProductCodeEntity, CatalogImportEntity], (manager, dialect) => ({
  products: new TypeormProductRepository(manager, dialect),
  codes: new TypeormCodePoolRepository(manager),
  catalogImports: new TypeormCatalogImportRepository(manager),
}));
