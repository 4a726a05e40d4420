'use strict';
// packages/<name>/, each provider package's attested source for n8n's verification scan (see
// scripts/packages.js): its package.json and symlinks; checkSources() compares, syncSources() writes.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PACKAGES } = require('./catalog');
const { manifestFor, manifestText } = require('./manifest');

const SOURCES = 'packages';
const ICON_REFERENCE = /['"]file:([^'"]+)['"]/g;

/**
 * The symlinks of packages/<name>/ (POSIX paths inside that folder, targets relative to the
 * link): nodes/<Folder>, each credential's .ts source, and the icons that source names.
 */
function sourceLinksFor(pkg) {
	const own = [`nodes/${pkg.folder}`];
	for (const file of pkg.credentials) {
		const source = `credentials/${path.posix.basename(file).replace(/\.js$/, '.ts')}`;
		own.push(source);
		const code = fs.readFileSync(path.join(ROOT, source), 'utf8');
		for (const [, icon] of code.matchAll(ICON_REFERENCE)) {
			const iconPath = path.posix.join(path.posix.dirname(source), icon);
			if (iconPath.startsWith('..') || iconPath.startsWith(`nodes/${pkg.folder}/`)) continue;
			own.push(iconPath);
		}
	}
	return [...new Set(own)].sort().map((link) => {
		const fromRoot = path.posix.join(SOURCES, pkg.name, link);
		return { path: link, target: path.posix.relative(path.posix.dirname(fromRoot), link) };
	});
}

/** Every entry under `dir` without following symlinks: POSIX paths relative to `dir`. */
function entriesUnder(dir, prefix = '') {
	const out = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
		out.push({ path: relative, directory: entry.isDirectory() });
		if (entry.isDirectory()) out.push(...entriesUnder(path.join(dir, entry.name), relative));
	}
	return out;
}

/**
 * What differs between packages/ and what `--sync` writes: an empty list when in sync.
 * Each problem is one line naming the path and what to do.
 */
function checkSources(root = ROOT) {
	const problems = [];
	const providers = PACKAGES.filter((pkg) => !pkg.allInOne);
	const sourcesDir = path.join(root, SOURCES);
	if (!fs.existsSync(sourcesDir)) return [`${SOURCES}/ is missing: run npm run packages:sync`];
	for (const entry of fs.readdirSync(sourcesDir)) {
		if (!providers.some((pkg) => pkg.name === entry)) problems.push(`${SOURCES}/${entry} is no provider package of scripts/packages.js: git rm -r it`);
	}
	for (const pkg of providers) {
		const dir = path.join(sourcesDir, pkg.name);
		const where = `${SOURCES}/${pkg.name}`;
		if (!fs.existsSync(dir)) {
			problems.push(`${where}/ is missing: run npm run packages:sync`);
			continue;
		}
		const manifestFile = path.join(dir, 'package.json');
		if (!fs.existsSync(manifestFile)) problems.push(`${where}/package.json is missing: run npm run packages:sync`);
		else if (fs.readFileSync(manifestFile, 'utf8') !== manifestText(pkg)) {
			let changed = 'its text';
			try {
				const committed = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
				const generated = manifestFor(pkg);
				const fields = [...new Set([...Object.keys(committed), ...Object.keys(generated)])].filter(
					(key) => JSON.stringify(committed[key]) !== JSON.stringify(generated[key]),
				);
				if (fields.length > 0) changed = fields.join(', ');
			} catch {
				changed = 'it is not JSON';
			}
			problems.push(`${where}/package.json differs from the package's (${changed}): run npm run packages:sync`);
		}
		const links = sourceLinksFor(pkg);
		for (const link of links) {
			const file = path.join(dir, link.path);
			let stat;
			try {
				stat = fs.lstatSync(file);
			} catch {
				problems.push(`${where}/${link.path} is missing (a symlink to ${link.target}): run npm run packages:sync`);
				continue;
			}
			if (!stat.isSymbolicLink()) {
				problems.push(`${where}/${link.path} is not a symlink (it must be one to ${link.target}): run npm run packages:sync`);
				continue;
			}
			const target = fs.readlinkSync(file).split(path.sep).join('/');
			if (target !== link.target) problems.push(`${where}/${link.path} points to ${target}, not ${link.target}: run npm run packages:sync`);
			else if (!fs.existsSync(file)) problems.push(`${where}/${link.path} points to ${target}, which does not exist`);
		}
		// nothing else: whatever sits under nodes/ or credentials/ here is what n8n lints
		const expected = new Set(['package.json', 'nodes', 'credentials', ...links.map((link) => link.path)]);
		for (const entry of entriesUnder(dir)) {
			if (expected.has(entry.path) || (entry.directory && links.some((link) => link.path.startsWith(`${entry.path}/`)))) continue;
			problems.push(`${where}/${entry.path} is not part of the package's source: run npm run packages:sync`);
		}
	}
	return problems;
}

/** Writes packages/<name>/ for every provider package; returns what it changed (paths). */
function syncSources(root = ROOT) {
	const changed = [];
	const sourcesDir = path.join(root, SOURCES);
	for (const pkg of PACKAGES.filter((entry) => !entry.allInOne)) {
		const dir = path.join(sourcesDir, pkg.name);
		const where = `${SOURCES}/${pkg.name}`;
		fs.mkdirSync(dir, { recursive: true });
		const links = sourceLinksFor(pkg);
		const keep = new Set(['package.json', 'nodes', 'credentials', ...links.map((link) => link.path)]);
		// deepest first, so a folder is removed after what it holds
		for (const entry of entriesUnder(dir).reverse()) {
			if (keep.has(entry.path) || (entry.directory && links.some((link) => link.path.startsWith(`${entry.path}/`)))) continue;
			fs.rmSync(path.join(dir, entry.path), { recursive: true, force: true });
			changed.push(`removed ${where}/${entry.path}`);
		}
		const manifestFile = path.join(dir, 'package.json');
		if (!fs.existsSync(manifestFile) || fs.readFileSync(manifestFile, 'utf8') !== manifestText(pkg)) {
			fs.writeFileSync(manifestFile, manifestText(pkg));
			changed.push(`wrote ${where}/package.json`);
		}
		for (const link of links) {
			const file = path.join(dir, link.path);
			let current;
			try {
				const stat = fs.lstatSync(file);
				current = stat.isSymbolicLink() ? fs.readlinkSync(file).split(path.sep).join('/') : null;
			} catch {
				current = undefined;
			}
			if (current === link.target) continue;
			if (current !== undefined) fs.rmSync(file, { recursive: true, force: true });
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.symlinkSync(link.target, file, link.path.startsWith('nodes/') ? 'dir' : 'file');
			changed.push(`linked ${where}/${link.path} -> ${link.target}`);
		}
	}
	return changed;
}

module.exports = { SOURCES, sourceLinksFor, checkSources, syncSources };
