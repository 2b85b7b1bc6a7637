/** Tests run TypeScript through swc (no type-check here: `npm run typecheck` does that once, for the whole tree). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/data/'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
    // cookie 2 (under fastify's light-my-request) ships only ESM; Node 20 loads it natively, jest's runtime does not.
    '/node_modules/cookie/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  testTimeout: 60000,
  maxWorkers: 2,
};
