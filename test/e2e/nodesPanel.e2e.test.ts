import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, state } from './support';

/**
 * What n8n's nodes panel can find. The editor (n8n 2.40.7) loads every node description from
 * GET /types/nodes.json (rest-api-client `getNodeTypes`, with the session cookie; n8n skips the
 * browser-id check for that file) and searches the panel with sublimeSearch from @n8n/utils over
 * `properties.displayName` (weight 1.3) and `properties.codex.alias` (weight 1), a
 * case-insensitive fuzzy match. n8n copies `alias` from the codex file `<Node>.node.json` into
 * `description.codex` (n8n-core DirectoryLoader.getCodex). Here: a case-insensitive substring of
 * the display name or of an alias, which is stricter than the editor's fuzzy match, so whatever
 * is found here the editor finds too.
 */

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packageName: string = manifest.name;

interface ServedNode {
	name: string;
	displayName: string;
	group?: string[];
	codex?: { categories?: string[]; subcategories?: Record<string, string[]>; alias?: string[] };
}

/** The nine nodes package.json lists for n8n: node type, and the codex file next to the source. */
const ours = (manifest.n8n.nodes as string[]).map((distPath) => {
	const source = join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const name = /description: INodeTypeDescription = \{[^]*?\n\t\tname: '([^']+)'/.exec(readFileSync(source, 'utf8'))?.[1];
	if (!name) throw new Error(`no name: in ${source}`);
	const codex = JSON.parse(readFileSync(source.replace(/\.ts$/, '.json'), 'utf8'));
	return { type: `${packageName}.${name}`, codex: codex as { alias: string[]; categories: string[] } };
});

let served: ServedNode[];

beforeAll(async () => {
	const { baseUrl, cookie } = state();
	const answer = await call(`${baseUrl}/types/nodes.json`, { headers: { cookie, accept: 'application/json' } });
	expect(answer.status).toBe(200);
	expect(Array.isArray(answer.json)).toBe(true);
	served = answer.json as ServedNode[];
});

const ofType = (type: string) => served.filter((node) => node.name === type);

/** The panel's match, kept to what is certain: display name or an alias contains the words. */
const findsNode = (node: ServedNode, search: string) =>
	[node.displayName, ...(node.codex?.alias ?? [])].some((text) => text.toLowerCase().includes(search.toLowerCase()));

describe("n8n's nodes panel data (GET /types/nodes.json, as the editor loads it)", () => {
	test('needs the session: without the cookie n8n refuses the file', async () => {
		const answer = await call(`${state().baseUrl}/types/nodes.json`);
		expect(answer.status).toBe(401);
	});

	test('every node of the package is served once, with the aliases and categories of its codex file', () => {
		expect(ours).toHaveLength(9);
		for (const { type, codex } of ours) {
			const nodes = ofType(type);
			expect([type, nodes.length]).toEqual([type, 1]);
			expect([type, nodes[0].codex?.alias]).toEqual([type, codex.alias]);
			expect([type, nodes[0].codex?.categories]).toEqual([type, codex.categories]);
		}
	});

	test('the AI tool variants n8n generates (usableAsTool) keep the aliases', () => {
		const tools = served.filter((node) => node.name.startsWith(`${packageName}.`) && node.name.endsWith('Tool'));
		expect(tools.length).toBeGreaterThan(0);
		for (const tool of tools) {
			const base = ours.find(({ type }) => `${type}Tool` === tool.name);
			expect([tool.name, Boolean(base)]).toEqual([tool.name, true]);
			expect([tool.name, tool.codex?.alias]).toEqual([tool.name, base!.codex.alias]);
		}
	});

	test.each(['donation', 'donor', 'charity', 'payment', 'fundraising', 'Donation', 'CHARITY'])(
		'searching "%s" finds every node of the package',
		(search) => {
			const found = served.filter((node) => findsNode(node, search)).map((node) => node.name);
			for (const { type } of ours) expect([type, found.includes(type)]).toEqual([type, true]);
		},
	);

	test("each provider's own words find that provider's nodes", () => {
		const expected: Record<string, string[]> = {
			collecte: ['doneerMeerTrigger', 'fonzip', 'fonzipTrigger', 'fonzipPollTrigger'],
			donatie: ['doneerMeerTrigger', 'fonzip', 'fonzipTrigger', 'fonzipPollTrigger'],
			crowdfunding: ['doneerMeerTrigger'],
			lidmaatschap: ['plugAndPay', 'plugAndPayTrigger'],
			checkout: ['plugAndPay', 'plugAndPayTrigger'],
			campaign: ['fonzip', 'fonzipTrigger', 'fonzipPollTrigger'],
			mandate: ['onlineFundraising', 'onlineFundraisingTrigger'],
			machtiging: ['onlineFundraising', 'onlineFundraisingTrigger'],
			pledge: ['donaryTrigger'],
			synagogue: ['donaryTrigger'],
		};
		for (const [search, names] of Object.entries(expected)) {
			const found = ours.filter(({ type }) => findsNode(ofType(type)[0], search)).map(({ type }) => type.split('.')[1]);
			expect([search, found.sort()]).toEqual([search, [...names].sort()]);
		}
	});
});
