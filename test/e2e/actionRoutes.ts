import { executions, postJson, state, waitForExecutions, type Answer, type Execution, type Workflow } from './support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { routeWebhookId } = require('./actionWorkflow');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { simulatorClient } = require('../simulators/support/apiSimulator');

/** One request as an API simulator recorded it. */
export interface ReceivedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: string;
}

/** Drives the API simulator `name` (its file name in test/simulators/) over its /__sim/ routes. */
export function simulator(name: string) {
	const client = simulatorClient(state().simulators[name]);
	return {
		reset: (): Promise<unknown> => client.reset(),
		fault: (spec: object): Promise<unknown> => client.fault(spec),
		configure: (changes: object): Promise<unknown> => client.configure(changes),
		forget: (): Promise<unknown> => client.forget(),
		received: (): Promise<ReceivedRequest[]> => client.received(),
	};
}

/** Calls the routes of a workflow built by actionWorkflow(): each answer is the action node's items. */
export function routesOf(workflow: Workflow) {
	const call = async (route: string, body: object = {}): Promise<Answer> =>
		await postJson(`${state().baseUrl}/webhook/${routeWebhookId(workflow, route)}/webhook`, body);
	return {
		call,
		/** Calls a route and also returns the execution n8n recorded for the call. */
		async callAndRecord(route: string, body: object = {}): Promise<{ answer: Answer; execution: Execution }> {
			const before = (await executions(workflow)).length;
			const answer = await call(route, body);
			const list = await waitForExecutions(workflow, before + 1);
			return { answer, execution: list[list.length - 1] };
		},
	};
}

/** The error a failed execution recorded, as n8n shows it. */
export function errorOf(execution: Execution): { message?: string; description?: string } {
	return (execution.data as { resultData: { error?: { message?: string; description?: string } } }).resultData.error ?? {};
}

/** n8n's "Test" button for a credential: what the UI would show. */
export async function testCredential(credential: { id: string; name: string }, type: string, data: object) {
	const res = await fetch(`${state().baseUrl}/rest/credentials/test`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: state().cookie },
		body: JSON.stringify({ credentials: { ...credential, type, data } }),
	});
	return ((await res.json()) as { data: { status: string; message: string } }).data;
}
