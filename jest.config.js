/**
 * Three projects: `unit` (schemas, normalisers, transports, simulators in-process), `e2e` (a real
 * n8n with the packed package installed; started once per run by test/e2e/globalSetup.js) and
 * `queue` (n8n in queue mode: PostgreSQL, Redis, a main, two webhook processes and two workers;
 * started once per run by test/queue/globalSetup.js; run it with --runInBand).
 */
// test/tsconfig.json has isolatedModules: ts-jest only transpiles (fast); `npm run typecheck`
// type-checks the tests once with tsc, in npm test.
const ts = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] };
// E2E_ONLY=fonzip,donary: only those providers' workflows are imported (globalSetup) and only
// their e2e files run. (A path after `--selectProjects e2e` would be read as a project name.)
const only = (process.env.E2E_ONLY ?? '').split(',').filter(Boolean);
const e2eFiles = only.length > 0 ? only.map((name) => `<rootDir>/test/e2e/${name}.*e2e.test.ts`) : ['<rootDir>/test/e2e/**/*.e2e.test.ts'];

module.exports = {
	// e2e calls wait for a real n8n; unit tests finish far sooner
	testTimeout: 180000,
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			transform: ts,
			// n8n-core's environment for the engine harness (test/unit/support/engine)
			setupFilesAfterEnv: ['<rootDir>/test/unit/support/engine/environment.ts'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			testMatch: e2eFiles,
			transform: ts,
			globalSetup: '<rootDir>/test/e2e/globalSetup.js',
			globalTeardown: '<rootDir>/test/e2e/globalTeardown.js',
		},
		{
			displayName: 'queue',
			testEnvironment: 'node',
			testMatch: ['<rootDir>/test/queue/**/*.queue.test.ts'],
			transform: ts,
			globalSetup: '<rootDir>/test/queue/globalSetup.js',
			globalTeardown: '<rootDir>/test/queue/globalTeardown.js',
		},
	],
};
