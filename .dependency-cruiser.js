// The import rules of the house, checked in `npm run lint` (npx depcruise --config .dependency-cruiser.js …).
// tests/architecture/dependency-rules.test.ts proves each rule fails on a deliberate violation.

/** The bounded contexts and the contexts each may import (through their public face, index.ts). Anything else is forbidden. */
const CONTEXT_EDGES = {
  catalog: [],
  messaging: [],
  account: ['messaging'],
  // The buying side calls the sellers' face: their terms at checkout, creditSale / clawBackRefund in its transactions.
  // ... and the coupons' face: a coupon is checked, counted and released inside the placing / closing transaction.
  ordering: ['catalog', 'account', 'messaging', 'sellers', 'coupons'],
  payment: ['ordering', 'catalog', 'account', 'messaging', 'sellers', 'coupons'],
  reporting: ['ordering', 'payment', 'catalog'],
  reviews: ['ordering'],
  referrals: ['account', 'messaging'],
  support: ['ordering', 'messaging'],
  restock: ['catalog', 'messaging'],
  // The marketplace's shops and their money. Ordering and payment (the buying side) call its face; it knows neither.
  sellers: ['catalog', 'messaging'],
  // Coupons: terms, counters and redemptions. Ordering and payment call its face in their transactions; it knows neither.
  coupons: ['catalog'],
};
const CONTEXTS = Object.keys(CONTEXT_EDGES).join('|');
const DOORS = ['api', 'bot', 'jobs'];

const contextRules = Object.entries(CONTEXT_EDGES).map(([context, allowed]) => ({
  name: `context-edges-${context}`,
  comment: `domain/${context} may import domain/shared and ${allowed.length ? allowed.join(', ') : 'no other context'} only`,
  severity: 'error',
  from: { path: `^domain/${context}/` },
  to: { path: '^domain/', pathNot: `^domain/(${[context, 'shared', ...allowed].join('|')})/` },
}));

const doorRules = DOORS.map((door) => ({
  name: `door-${door}-imports-no-other-door`,
  comment: `${door}/ is a door: it calls the domain, never another door (api, bot, jobs)`,
  severity: 'error',
  from: { path: `^${door}/` },
  to: { path: `^(${DOORS.filter((d) => d !== door).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing-outside',
      comment: 'domain/ imports no framework, driver or outer layer (ports live in the domain, adapters outside)',
      severity: 'error',
      from: { path: '^domain/', pathNot: '^domain/shared/digest\\.ts$' },
      to: { pathNot: '^domain/' },
    },
    {
      name: 'domain-built-ins-declared',
      comment: 'the one Node built-in the domain uses: node:crypto for SHA-256 in domain/shared/digest.ts (randomness goes through the Ids port)',
      severity: 'error',
      from: { path: '^domain/shared/digest\\.ts$' },
      to: { pathNot: ['^domain/', '^(node:)?crypto$'] },
    },
    {
      name: 'shared-kernel-knows-no-context',
      comment: 'domain/shared is the kernel every context builds on: it imports none of them',
      severity: 'error',
      from: { path: '^domain/shared/' },
      to: { path: `^domain/(?!shared/)` },
    },
    ...contextRules,
    {
      name: 'other-contexts-through-their-face',
      comment: 'a context uses another through its public face (domain/<context>/index.ts), never its internals',
      severity: 'error',
      from: { path: `^domain/(${CONTEXTS})/` },
      to: { path: `^domain/(${CONTEXTS})/`, pathNot: ['^domain/$1/', `^domain/(${CONTEXTS})/index\\.ts$`] },
    },
    {
      name: 'own-context-not-through-its-face',
      comment: "inside a context, files import each other directly: going through the context's own index.ts makes cycles",
      severity: 'error',
      from: { path: `^domain/(${CONTEXTS})/`, pathNot: `^domain/(${CONTEXTS})/index\\.ts$` },
      to: { path: '^domain/$1/index\\.ts$' },
    },
    {
      name: 'outer-layers-through-the-face',
      comment: 'doors, adapters and scripts use a context through its public face (domain/<context>/index.ts)',
      severity: 'error',
      from: { path: '^(api|bot|jobs|infrastructure|scripts)/|^main\\.ts$' },
      to: { path: `^domain/(${CONTEXTS})/`, pathNot: `^domain/(${CONTEXTS})/index\\.ts$` },
    },
    {
      name: 'infrastructure-imports-no-door',
      comment: 'adapters do not import the doors; only the composition root (infrastructure/composition/) wires them',
      severity: 'error',
      from: { path: '^infrastructure/', pathNot: '^infrastructure/composition/' },
      to: { path: `^(${DOORS.join('|')})/` },
    },
    ...doorRules,
    {
      name: 'no-circular',
      comment: 'no import cycle anywhere (type-only imports included)',
      severity: 'error',
      from: { pathNot: '^infrastructure/telegram/local-bot-api/' },
      to: { circular: true },
    },
    {
      name: 'no-runtime-circular-in-the-local-bot-api',
      comment: 'the local Bot API (a stand-in for Telegram) keeps one type-only cycle (chat-events ⇄ world); none at run time',
      severity: 'error',
      from: { path: '^infrastructure/telegram/local-bot-api/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-orphans',
      comment: 'a module nothing imports is dead code (entry points excepted)',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          '(^|/)\\.[^/]+\\.(js|cjs|mjs|ts|json)$',
          '\\.d\\.ts$',
          '^main\\.ts$',
          '^scripts/',
          '^infrastructure/payment/sandbox/standalone\\.ts$',
          '^infrastructure/telegram/[^/]+/main\\.ts$',
        ],
      },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every import resolves (a typo or a package missing from package.json)',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-dev-dependency',
      comment: 'shipped code does not import devDependencies',
      severity: 'error',
      from: { path: '^(domain|infrastructure|api|bot|jobs|main\\.ts)' },
      to: { dependencyTypes: ['npm-dev'], pathNot: ['node_modules/@types/'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // tsconfig's moduleResolution is "node": package.json "exports" maps are not consulted, as TypeScript does not.
    enhancedResolveOptions: { exportsFields: [], extensions: ['.ts', '.d.ts', '.js', '.json'] },
  },
};
