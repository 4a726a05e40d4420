import { dirname } from 'node:path';

/**
 * n8n-core's dependency-injection container. n8n-core brings its own @n8n/di (the top-level copy
 * belongs to @n8n/node-cli and is another version, so another, empty, container): take the one
 * n8n-core itself requires, or services set here would never reach the engine.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const di = require(require.resolve('@n8n/di', { paths: [dirname(require.resolve('n8n-core'))] })) as typeof import('@n8n/di');

export const { Container } = di;
