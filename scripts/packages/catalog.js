'use strict';
// The six packages and where they come from: this repository's package.json (the all-in-one)
// and scripts/providers.js (one row per provider package); checkPartition() checks they fit.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const ALL_IN_ONE = MANIFEST.name;
const REPOSITORY = MANIFEST.repository;

const { PROVIDERS } = require('../providers');

const COMMON_KEYWORDS = ['n8n-community-node-package', 'n8n', 'fundraising', 'donations'];

const credentialFolderOf = (distPath) => {
	const file = path.posix.basename(distPath);
	// the longest folder name the file starts with, so that "Fonzip" never claims "FonzipX…"
	const owners = PROVIDERS.filter((p) => file.startsWith(p.folder)).sort((a, b) => b.folder.length - a.folder.length);
	return owners[0]?.folder;
};

function deepFreeze(value) {
	if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) deepFreeze(inner);
		Object.freeze(value);
	}
	return value;
}

/**
 * The six packages, in publishing order: the five providers, then the all-in-one.
 * Every entry: { name, displayName, folder (null for the all-in-one), allInOne, nodes, credentials
 * (dist paths as in the all-in-one's `n8n` block), description, keywords, homepage }.
 */
const PACKAGES = deepFreeze([
	...PROVIDERS.map((provider) => ({
		name: provider.name,
		displayName: provider.displayName,
		folder: provider.folder,
		allInOne: false,
		nodes: MANIFEST.n8n.nodes.filter((file) => file.startsWith(`dist/nodes/${provider.folder}/`)),
		credentials: provider.credentials ?? MANIFEST.n8n.credentials.filter((file) => credentialFolderOf(file) === provider.folder),
		description: provider.description,
		keywords: [...new Set([...COMMON_KEYWORDS, ...provider.keywords])],
		homepage: `https://www.npmjs.com/package/${provider.name}`,
		readme: provider.readme,
	})),
	{
		name: ALL_IN_ONE,
		displayName: 'Fundraising (all providers)',
		folder: null,
		allInOne: true,
		nodes: [...MANIFEST.n8n.nodes],
		credentials: [...MANIFEST.n8n.credentials],
		description: MANIFEST.description,
		keywords: [...MANIFEST.keywords],
		homepage: MANIFEST.homepage,
	},
]);

/** Every node and credential of the all-in-one must belong to exactly one provider package. */
function checkPartition() {
	const providers = PACKAGES.filter((p) => !p.allInOne);
	for (const kind of ['nodes', 'credentials']) {
		for (const file of MANIFEST.n8n[kind]) {
			const owners = providers.filter((p) => p[kind].includes(file)).map((p) => p.name);
			if (owners.length !== 1) {
				throw new Error(
					`scripts/packages.js: ${file} (in the all-in-one's n8n.${kind}) belongs to ${owners.length === 0 ? 'no provider package' : owners.join(' and ')}; add or fix a row in PROVIDERS`,
				);
			}
		}
	}
	for (const provider of providers) {
		if (provider.nodes.length === 0) throw new Error(`scripts/packages.js: ${provider.name} has no nodes under dist/nodes/${provider.folder}/`);
	}
}

module.exports = { ROOT, MANIFEST, ALL_IN_ONE, REPOSITORY, PACKAGES, checkPartition };
