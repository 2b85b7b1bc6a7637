import { CatalogRepositories } from '../../../domain/catalog';
import { definePersistence } from '../persistence-part';
import { CategoryEntity } from './category-entity';
import { ProductCodeEntity } from './product-code-entity';
import { ProductEntity } from './product-entity';
import { SearchTermEntity } from './search/search-term-entity';
import { TypeormProductSearch } from './search/typeorm-product-search';
import { TypeormCategoryRepository } from './typeorm-category-repository';
import { TypeormCodePoolRepository } from './typeorm-code-pool-repository';
import { TypeormProductRepository } from './typeorm-product-repository';

export const catalogPersistence = definePersistence<CatalogRepositories>(
  [ProductEntity, ProductCodeEntity, CategoryEntity, SearchTermEntity],
  (manager, dialect) => ({
    products: new TypeormProductRepository(manager, dialect),
    codes: new TypeormCodePoolRepository(manager),
    categories: new TypeormCategoryRepository(manager, dialect),
    search: new TypeormProductSearch(manager),
  }),
);
