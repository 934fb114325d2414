/** Two tiers: unit tests beside the code, API tests that boot a real Strapi. */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
  ],
};

module.exports = {
  // Each API test file boots Strapi in its worker, and a worker keeps about 250 MB of every file it
  // ran: past this a worker is replaced after its file, so that collecting a heap of gigabytes does
  // not stop a test's CMS for seconds (a site then takes the CMS for unreachable: flaky browser tests).
  workerIdleMemoryLimit: '800MB',
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      transform,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{config,contracts,plugins,cms,site,scripts}/**/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/.*/dist/'],
      modulePathIgnorePatterns: ['<rootDir>/cms/dist/', '<rootDir>/site/dist/'],
    },
    {
      displayName: 'api',
      rootDir: __dirname,
      transform,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/cms/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/cms/dist/'],
      modulePathIgnorePatterns: ['<rootDir>/cms/dist/', '<rootDir>/site/dist/'],
      globalSetup: '<rootDir>/cms/tests/setup/global-setup.ts',
      globalTeardown: '<rootDir>/cms/tests/setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/cms/tests/setup/timeout.ts'],
    },
  ],
};
