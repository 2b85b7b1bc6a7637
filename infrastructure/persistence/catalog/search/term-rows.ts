import { SearchDocument, indexedTermsOf } from '../../../../domain/catalog';
import { Dialect } from '../../dialect';
import { bucketOf } from './term-buckets';

// The rows a batch of documents puts in product_search_terms, in primary-key order (visible, bucket, term, weight,
// product_id): each word's new postings land together at the end of its range in the newest bucket, page after page,
// instead of one random page per row (what made a large import slow down once the index outgrew the buffer pool). Written as few,
// large multi-row INSERTs; on MySQL as literals built here, which is several times cheaper in CPU than formatting
// five parameters a row (the terms are letters, digits and the SKU's A-Z 0-9 _ . -, escaped anyway).

/** Rows per INSERT: 6 parameters each stays under SQLite's 32,766; MySQL's statement stays well under 1 MB. */
const INSERT_ROWS = 4_000;

interface Posting {
  productId: number;
  weight: number;
  fields: number;
}

type Postings = Map<string, Posting[]>;

/** Postings by visibility, then bucket, then term, in insertion (product id) order. */
function postingsOf(docs: readonly SearchDocument[]): Array<Map<number, Postings>> {
  const byVisibility = [new Map<number, Postings>(), new Map<number, Postings>()];
  for (const doc of docs) {
    const buckets = byVisibility[doc.visible ? 1 : 0] as Map<number, Postings>;
    const bucket = bucketOf(doc.productId);
    let terms = buckets.get(bucket);
    if (!terms) {
      terms = new Map();
      buckets.set(bucket, terms);
    }
    for (const t of indexedTermsOf(doc)) {
      const posting = { productId: doc.productId, weight: t.weight, fields: t.fields };
      const list = terms.get(t.term);
      if (list) list.push(posting);
      else terms.set(t.term, [posting]);
    }
  }
  return byVisibility;
}

/** The INSERT statements for these documents' terms, each with its parameters (none on MySQL: literals). */
export function termInserts(table: string, docs: readonly SearchDocument[], dialect: Dialect): Array<{ sql: string; params: unknown[] }> {
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  const head = `INSERT INTO ${table} (visible, bucket, term, weight, product_id, fields) VALUES `;
  let values: string[] = [];
  let params: unknown[] = [];
  const flush = () => {
    if (values.length === 0) return;
    statements.push({ sql: head + values.join(', '), params });
    values = [];
    params = [];
  };
  postingsOf(docs).forEach((buckets, visible) => {
    for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
      const terms = buckets.get(bucket) as Postings;
      // Code-unit order is the engines' byte order except for characters beyond the BMP against U+E000–U+FFFF: close
      // enough for locality, and the engine sorts what it must.
      for (const term of [...terms.keys()].sort()) {
        const postings = (terms.get(term) as Posting[]).sort((a, b) => a.weight - b.weight || a.productId - b.productId);
        const literal = dialect === 'mysql' ? quoted(term) : '';
        for (const p of postings) {
          if (dialect === 'mysql') values.push(`(${visible},${bucket},${literal},${p.weight},${p.productId},${p.fields})`);
          else {
            values.push('(?, ?, ?, ?, ?, ?)');
            params.push(visible, bucket, term, p.weight, p.productId, p.fields);
          }
          if (values.length === INSERT_ROWS) flush();
        }
      }
    }
  });
  flush();
  return statements;
}

// eslint-disable-next-line no-control-regex -- these control characters are what MySQL's literals escape
const SPECIAL = /[\0\b\t\n\r\x1a"'\\]/g;
const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\x1a': '\\Z',
  '"': '\\"',
  "'": "\\'",
  '\\': '\\\\',
};

/** A MySQL string literal (the escapes of mysql's own escapeString; the session never sets NO_BACKSLASH_ESCAPES). */
export const quoted = (text: string): string => `'${text.replace(SPECIAL, (c) => ESCAPES[c] ?? c)}'`;
