import { EntitySchema } from 'typeorm';
import { bigintColumn, booleanColumn, intColumn, stringColumn } from '../../columns';

/** One term of one product (see domain/catalog/search-terms.ts). The migrations define the table and its indexes. */
export interface SearchTermRow {
  product_id: number;
  term: string;
  visible: boolean;
  fields: number;
  weight: number;
}

export const SearchTermEntity = new EntitySchema<SearchTermRow>({
  name: 'ProductSearchTerm',
  tableName: 'product_search_terms',
  columns: {
    product_id: { ...bigintColumn(), primary: true },
    term: stringColumn(64, false, true),
    visible: booleanColumn(),
    fields: intColumn(),
    weight: intColumn(),
  },
});
