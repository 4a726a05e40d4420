import { PackageDirectoryLoader } from 'n8n-core';
import { join } from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

const ROOT = join(__dirname, '../../../..');

/**
 * n8n-core's own loader for a community package: it reads the package.json `n8n` section, loads
 * each node and credential class as n8n does (class named like its file, codex from the
 * .node.json, the polling and declarative parameters n8n adds, description validation), only
 * from the TypeScript sources instead of the build: `dist/nodes/X/Y.node.js` is read as
 * `nodes/X/Y.node.ts`, its codex as `nodes/X/Y.node.json`.
 */
class SourcePackageLoader extends PackageDirectoryLoader {
	readonly failures: unknown[] = [];

	protected resolvePath(file: string): string {
		return super.resolvePath(file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	}

	loadNodeFromFile(filePath: string, packageVersion?: string): void {
		this.noting(() => super.loadNodeFromFile(filePath, packageVersion));
	}

	loadCredentialFromFile(filePath: string): void {
		this.noting(() => super.loadCredentialFromFile(filePath));
	}

	private noting(load: () => void): void {
		try {
			load();
		} catch (error) {
			this.failures.push(error);
			throw error;
		}
	}
}

let loader: SourcePackageLoader | undefined;

function loaded(): SourcePackageLoader {
	if (!loader) {
		const fresh = new SourcePackageLoader(ROOT);
		// loadAll awaits nothing: it has loaded everything (or failed) when it returns
		fresh.loadAll().catch(() => undefined);
		if (fresh.failures.length > 0) throw fresh.failures[0];
		loader = fresh;
	}
	return loader;
}

/** n8n names a community node type `<package name>.<description.name>`. */
export const PACKAGE_NAME: string = new SourcePackageLoader(ROOT).packageName;

/** Our node types by their full n8n name, e.g. `n8n-nodes-fundraising.fonzip`. */
export function packageNodeTypes(): Map<string, INodeType> {
	const { nodeTypes, packageName } = loaded();
	return new Map(Object.entries(nodeTypes).map(([name, { type }]) => [`${packageName}.${name}`, type as INodeType]));
}

/** Our credential types by name, e.g. `fonzipApi`. */
export function packageCredentialTypes(): Map<string, ICredentialType> {
	return new Map(Object.entries(loaded().credentialTypes).map(([name, { type }]) => [name, type]));
}
