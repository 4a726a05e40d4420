/**
 * Two projects: `unit` (schemas, normalisers, transports, simulators in-process) and `e2e`
 * (a real n8n with the packed package installed; started once per run by test/e2e/globalSetup.js).
 */
const ts = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] };

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
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
			transform: ts,
			globalSetup: '<rootDir>/test/e2e/globalSetup.js',
			globalTeardown: '<rootDir>/test/e2e/globalTeardown.js',
		},
	],
};
