'use strict';
// The package.json of a provider package: the all-in-one's version, author, engines and
// repository, the package's own name, description, keywords, nodes and credentials.
const { MANIFEST, REPOSITORY } = require('./catalog');

function manifestFor(pkg) {
	return {
		name: pkg.name,
		version: MANIFEST.version,
		description: pkg.description,
		keywords: [...pkg.keywords],
		license: 'MIT',
		homepage: pkg.homepage,
		repository: { ...REPOSITORY },
		author: MANIFEST.author,
		engines: MANIFEST.engines,
		main: 'dist/index.js',
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: [...pkg.credentials],
			nodes: [...pkg.nodes],
		},
		peerDependencies: { 'n8n-workflow': '*' },
	};
}

/** The package.json of a provider package, as its tarball and packages/<name>/ hold it. */
function manifestText(pkg) {
	return `${JSON.stringify(manifestFor(pkg), null, 2)}\n`;
}

module.exports = { manifestFor, manifestText };
