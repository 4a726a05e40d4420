// n8n's own community-node rules, as @n8n/node-cli ships them. We use the profile without n8n
// Cloud support because the OnlineFundraising de-duplication memory is kept on disk (node:fs),
// which n8n Cloud does not allow for community nodes.
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	{ ignores: ['dist/**', 'test/**', 'bench/**', 'scripts/**', 'examples/**', '*.js', 'coverage/**'] },
	...configWithoutCloudSupport,
];
