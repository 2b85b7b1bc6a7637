import { EntitySchema } from 'typeorm';
import { bigintColumn, booleanColumn, intColumn, stringColumn } from '../../columns';

/** One term of one product (see domain/catalog/search-terms.ts). The migrations define the table and its indexes. */
export interface SearchTermRow {
  product_id: number;
  term: string;
  visible: boolean;
  /** product_id >> BUCKET_BITS (term-buckets.ts): an import writes into the newest bucket's part of the index only. */
  bucket: number;
  fields: number;
  weight: number;
}

export const SearchTermEntity = new EntitySchema<SearchTermRow>({
  name: 'ProductSearchTerm',
  tableName: 'product_search_terms',
  columns: {
    // The primary key is (visible, bucket, term, weight, product_id): the index is clustered by what a search asks,
    // within each bucket of 32,768 product ids.
    visible: { ...booleanColumn(), primary: true },
    bucket: { ...intColumn(), primary: true },
    term: stringColumn(64, false, true),
    weight: { ...intColumn(), primary: true },
    product_id: { ...bigintColumn(), primary: true },
    fields: intColumn(),
  },
});
