import { EntitySchema } from 'typeorm';
import { bigintColumn, stringColumn, textColumn } from '../columns';

export interface ProductTranslationRow {
  product_id: number;
  lang: string;
  title: string;
  description: string | null;
}

export const ProductTranslationEntity = new EntitySchema<ProductTranslationRow>({
  name: 'ProductTranslation',
  tableName: 'product_translations',
  columns: {
    product_id: { ...bigintColumn(), primary: true },
    lang: stringColumn(8, false, true),
    title: stringColumn(255),
    description: textColumn(true),
  },
});
