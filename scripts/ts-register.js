// Lets `node -r ./scripts/ts-register.js main.ts` run the TypeScript sources directly (tests start real shop
// processes this way: no build step, same code). It only strips types; `npm run typecheck` is what checks them.
const ts = require('typescript');
const fs = require('node:fs');

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  isolatedModules: true,
  inlineSourceMap: true,
  inlineSources: true,
};

require.extensions['.ts'] = function compile(module, filename) {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: options, fileName: filename });
  module._compile(outputText, filename);
};
