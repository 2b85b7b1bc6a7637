// `npm run docs:states`: redraws the order state diagram in the docs from the transition table.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGRAM_FILES, orderStateDiagram, withDiagram } from './order-state-diagram';

const root = join(__dirname, '..');
const diagram = orderStateDiagram();
for (const file of DIAGRAM_FILES) {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = withDiagram(before, diagram);
  if (after !== before) writeFileSync(path, after);
  console.log(`${file}: ${after === before ? 'up to date' : 'diagram redrawn'}`);
}
