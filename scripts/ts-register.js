// Lets `node -r ./scripts/ts-register.js main.ts` run the TypeScript sources directly (tests start real shop
// processes this way: no build step, same code). swc strips types; `npm run typecheck` is what checks them.
const { transformSync } = require('@swc/core');
const fs = require('node:fs');

require.extensions['.ts'] = function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
  });
  module._compile(code, filename);
};
