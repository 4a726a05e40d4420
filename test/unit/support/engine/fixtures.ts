import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { IConnections, IDataObject, INode, INodeExecutionData, IPinData, IWorkflowSettings } from 'n8n-workflow';

/** test/fixtures: `<provider>/workflows/<name>.json`. */
export const FIXTURES = join(__dirname, '../../../fixtures');

/** An n8n workflow as exported from the editor, with the expected outputs as its pin data. */
export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	staticData?: IDataObject;
	/** By node name: a trigger's items are its output in the run; any other node's, what it must output. */
	pinData?: IPinData;
}

/** A fixture by its path under test/fixtures (or an absolute path); a fresh copy each time. */
export function readWorkflow(path: string): WorkflowJson {
	return JSON.parse(readFileSync(isAbsolute(path) ? path : join(FIXTURES, path), 'utf8')) as WorkflowJson;
}

/** Nodes nothing connects into over `main`: where the run starts. */
export function startNodeNames(workflow: WorkflowJson): string[] {
	const fed = new Set(
		Object.values(workflow.connections).flatMap((outputs) => (outputs.main ?? []).flatMap((links) => (links ?? []).map((link) => link.node))),
	);
	return workflow.nodes.filter((node) => !fed.has(node.name)).map((node) => node.name);
}

/**
 * Splits a fixture's pin data the way it is meant: pinned items of a start node are that node's
 * output in the run (n8n's own pinned data, e.g. the input items of an action node), the pin data
 * of every other node is the output it must produce.
 */
export function splitPinData(workflow: WorkflowJson): { pinned: IPinData; expected: Record<string, INodeExecutionData[]> } {
	const starts = new Set(startNodeNames(workflow));
	const pinned: IPinData = {};
	const expected: Record<string, INodeExecutionData[]> = {};
	for (const [name, items] of Object.entries(workflow.pinData ?? {})) {
		if (starts.has(name)) pinned[name] = items;
		else expected[name] = items;
	}
	return { pinned, expected };
}

/**
 * Output items as a fixture states them: `json`, and `pairedItem` only where the fixture names it
 * (n8n's editor leaves it out of pin data).
 */
export function asPinned(actual: INodeExecutionData[], expected: INodeExecutionData[]): INodeExecutionData[] {
	return actual.map((item, index) => {
		const shown: INodeExecutionData = { json: item.json };
		if (expected[index]?.pairedItem !== undefined) shown.pairedItem = item.pairedItem;
		return shown;
	});
}
