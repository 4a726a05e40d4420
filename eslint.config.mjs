// n8n's own community-node rules, as @n8n/node-cli ships them, in the n8n Cloud profile: no file
// system, environment, timers or node: imports but node:crypto in anything that runs in n8n.
import { config } from '@n8n/node-cli/eslint';

export default [
	{ ignores: ['dist/**', 'test/**', 'bench/**', 'scripts/**', 'examples/**', '*.js', 'coverage/**', 'packages/**'] },
	...config,
];
