/**
 * Tests run TypeScript through ts-jest in transpile-only mode (isolatedModules: no type check here —
 * `npm run typecheck` checks the whole tree once).
 */
const transpile = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/data/'],
  transform: {
    '^.+\\.ts$': transpile,
    // cookie 2 (under fastify's light-my-request) ships only ESM; Node 20 loads it natively, jest's runtime does not.
    '/node_modules/cookie/.+\\.js$': transpile,
  },
  transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  testTimeout: 60000,
  maxWorkers: 2,
};
