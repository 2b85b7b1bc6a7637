import { EntitySchema } from 'typeorm';
import { bigintColumn, booleanColumn, idColumn, intColumn, stringColumn } from '../columns';

export interface ReviewRow {
  id: number;
  product_id: number;
  order_no: string;
  line_no: number;
  user_id: string;
  author_name: string;
  rating: number;
  text: string;
  hidden: boolean;
  created_at: number;
}

export const ReviewEntity = new EntitySchema<ReviewRow>({
  name: 'ProductReview',
  tableName: 'product_reviews',
  columns: {
    id: idColumn(),
    product_id: bigintColumn(),
    order_no: stringColumn(32),
    line_no: intColumn(),
    user_id: stringColumn(32),
    author_name: stringColumn(64),
    rating: intColumn(),
    text: stringColumn(2000),
    hidden: booleanColumn(),
    created_at: bigintColumn(),
  },
});
