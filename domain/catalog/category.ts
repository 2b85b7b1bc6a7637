/** A node of the catalog's category tree. `path` is the slugs from the root down (`games/keys`): unique, stable in links. */
export interface Category {
  id: number;
  parentId: number | null;
  slug: string;
  path: string;
  /** Order among its siblings (lower first; ties by id). */
  position: number;
  /** The shop's default-language name. */
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What the repository stores for a category: its place in the tree already worked out. */
export interface CategoryFields {
  parentId: number | null;
  slug: string;
  path: string;
  position: number;
  name: string;
}

/** A category with its depth (0 = top level), in tree order: each parent right before its children. */
export interface CategoryNode extends Category {
  depth: number;
}

/** Orders a flat list depth first (siblings by position, then id), which is how a menu or a tree view reads it. */
export function treeOrder(categories: readonly Category[]): CategoryNode[] {
  const children = new Map<number | null, Category[]>();
  for (const c of categories) {
    const siblings = children.get(c.parentId) ?? [];
    siblings.push(c);
    children.set(c.parentId, siblings);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.position - b.position || a.id - b.id);
  const out: CategoryNode[] = [];
  const visit = (parentId: number | null, depth: number): void => {
    for (const c of children.get(parentId) ?? []) {
      out.push({ ...c, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
