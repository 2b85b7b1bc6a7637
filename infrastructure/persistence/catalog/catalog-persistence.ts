import { CatalogRepositories } from '../../../domain/catalog';
import { definePersistence } from '../persistence-part';
import { CatalogImportEntity } from './catalog-import-entity';
import { CategoryEntity } from './category-entity';
import { ProductCodeEntity } from './product-code-entity';
import { ProductEntity } from './product-entity';
import { ProductTranslationEntity } from './product-translation-entity';
import { SearchTermEntity } from './search/search-term-entity';
import { TypeormProductSearch } from './search/typeorm-product-search';
import { TypeormCatalogImportRepository } from './typeorm-catalog-import-repository';
import { TypeormCategoryRepository } from './typeorm-category-repository';
import { TypeormCodePoolRepository } from './typeorm-code-pool-repository';
import { TypeormProductRepository } from './typeorm-product-repository';
import { TypeormProductTextRepository } from './typeorm-product-text-repository';

export const catalogPersistence = definePersistence<CatalogRepositories>(
  [ProductEntity, ProductCodeEntity, CategoryEntity, SearchTermEntity, CatalogImportEntity, ProductTranslationEntity],
  (manager, dialect) => ({
    products: new TypeormProductRepository(manager, dialect),
    codes: new TypeormCodePoolRepository(manager),
    categories: new TypeormCategoryRepository(manager, dialect),
    search: new TypeormProductSearch(manager, dialect),
    catalogImports: new TypeormCatalogImportRepository(manager),
    texts: new TypeormProductTextRepository(manager),
  }),
);
