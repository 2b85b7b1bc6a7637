import { EntityManager, In } from 'typeorm';
import { ProductText, ProductTextRepository, StoredProductText } from '../../../domain/catalog';
import { LANGUAGES } from '../../../domain/shared/languages';
import { oneOf } from '../columns';
import { ProductTranslationEntity, ProductTranslationRow } from './product-translation-entity';

/** Rows per multi-row INSERT (4 columns each): far under both engines' placeholder limits. */
const INSERT_CHUNK = 2000;

export class TypeormProductTextRepository implements ProductTextRepository {
  constructor(private readonly manager: EntityManager) {}

  async forProducts(productIds: readonly number[], lang?: (typeof LANGUAGES)[number]): Promise<StoredProductText[]> {
    if (productIds.length === 0) return [];
    const rows = await this.manager.find(ProductTranslationEntity, {
      where: { product_id: In([...new Set(productIds)]), ...(lang ? { lang } : {}) },
    });
    return rows.map((row) => ({
      productId: Number(row.product_id),
      lang: oneOf(LANGUAGES, row.lang, 'product_translations.lang'),
      title: row.title,
      description: row.description,
    }));
  }

  replace(productId: number, texts: readonly ProductText[]): Promise<void> {
    return this.replaceMany([{ productId, texts }]);
  }

  async replaceMany(entries: ReadonlyArray<{ productId: number; texts: readonly ProductText[] }>): Promise<void> {
    if (entries.length === 0) return;
    await this.manager.delete(ProductTranslationEntity, { product_id: In(entries.map((e) => e.productId)) });
    const rows: ProductTranslationRow[] = entries.flatMap((e) =>
      e.texts.map((t) => ({ product_id: e.productId, lang: t.lang, title: t.title, description: t.description })),
    );
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(ProductTranslationEntity)
        .values(rows.slice(start, start + INSERT_CHUNK))
        .updateEntity(false)
        .execute();
    }
  }
}
