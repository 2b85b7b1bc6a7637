import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SOURCE_FOLDER = join('infrastructure', 'telegram', 'local-chat', 'public');

/**
 * The chat page's HTML, CSS and JS. They are served from the source folder, so `npm start` (which runs the compiled
 * dist/) needs no copy step: next to this module when it runs from source, else found from the project root (the
 * first folder upwards with a package.json). A build or image that copies `public/` next to the compiled module
 * is found first.
 */
export function chatPageFolder(from: string = __dirname): string {
  const candidates = [join(from, 'public')];
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      candidates.push(join(dir, SOURCE_FOLDER));
      break;
    }
    if (dirname(dir) === dir) break;
  }
  const found = candidates.find((folder) => existsSync(join(folder, 'index.html')));
  if (!found) throw new Error(`the chat page's files are missing (looked in ${candidates.join(', ')})`);
  return found;
}
