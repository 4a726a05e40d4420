'use strict';
// Which compiled files a provider package takes from dist/: the require() closure of its nodes
// and credentials, their source maps and icons, checked against what the provider owns.
const fs = require('node:fs');
const path = require('node:path');

const REQUIRE_CALL = /\brequire\(\s*(['"])([^'"]+)\1\s*\)/g;

/**
 * The compiled files reached from `roots` through require() of relative paths (paths relative
 * to `dist`, POSIX separators), and the bare modules required on the way.
 */
function requireClosure(dist, roots) {
	const reached = new Set();
	const external = new Set();
	const queue = [...roots];
	while (queue.length > 0) {
		const file = queue.shift();
		if (reached.has(file)) continue;
		reached.add(file);
		if (!file.endsWith('.js')) continue;
		const code = fs.readFileSync(path.join(dist, file), 'utf8');
		const literal = [...code.matchAll(REQUIRE_CALL)];
		const calls = code.match(/\brequire\(/g) ?? [];
		if (calls.length !== literal.length) throw new Error(`${file}: a require() with a computed path; the package build cannot follow it`);
		for (const [, , specifier] of literal) {
			if (!specifier.startsWith('.')) {
				external.add(specifier);
				continue;
			}
			const base = path.posix.join(path.posix.dirname(file), specifier);
			if (base.startsWith('..')) throw new Error(`${file} requires ${specifier}, outside dist/`);
			const target = [base, `${base}.js`, `${base}.json`, `${base}/index.js`].find((candidate) => {
				const full = path.join(dist, candidate);
				return fs.existsSync(full) && fs.statSync(full).isFile();
			});
			if (!target) throw new Error(`${file} requires ${specifier}, which the compile did not produce`);
			queue.push(target);
		}
	}
	return { files: [...reached].sort(), external: [...external].sort() };
}

/** What a provider package may contain: its own folder, its own credentials, shared lib/ code. */
function checkOwnership(pkg, files) {
	const ownCredentials = new Set(pkg.credentials.map((file) => file.replace(/^dist\//, '')));
	for (const file of files) {
		const [top, second] = file.split('/');
		if (top === 'lib' || file === 'index.js') continue;
		if (top === 'nodes' && second === pkg.folder) continue;
		if (top === 'credentials' && ownCredentials.has(file.replace(/\.(js|js\.map)$/, '.js'))) continue;
		if (top === 'credentials' && /\.(svg|png)$/.test(file)) continue;
		throw new Error(
			`${pkg.name} would contain dist/${file}, which belongs to ${top === 'nodes' ? `the ${second} provider` : top === 'credentials' ? 'another provider' : 'no provider'}: providers must not import each other`,
		);
	}
}

/**
 * The files of `dist` a provider package needs (paths relative to dist): what its nodes and
 * credentials reach through require(), their source maps and the icons they name. Throws when
 * that would take in another provider's folder or credential, or anything but shared lib/ code.
 */
function providerFiles(pkg, dist) {
	const roots = [...pkg.nodes, ...pkg.credentials].map((file) => file.replace(/^dist\//, ''));
	const { files } = requireClosure(dist, roots);
	checkOwnership(pkg, files);
	const extra = [];
	for (const file of files) {
		if (!file.endsWith('.js')) continue;
		if (fs.existsSync(path.join(dist, `${file}.map`))) extra.push(`${file}.map`);
		const code = fs.readFileSync(path.join(dist, file), 'utf8');
		for (const [, icon] of code.matchAll(/['"]file:([^'"]+)['"]/g)) {
			const iconPath = path.posix.join(path.posix.dirname(file), icon);
			if (!fs.existsSync(path.join(dist, iconPath))) throw new Error(`${file} names icon ${icon}, which does not exist`);
			extra.push(iconPath);
		}
	}
	const all = [...new Set([...files, ...extra])].sort();
	checkOwnership(pkg, all);
	return all;
}

module.exports = { requireClosure, providerFiles };
