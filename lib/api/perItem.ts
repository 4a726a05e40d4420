import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

/**
 * Runs an action node's operation once per input item. Each result is paired with its item; a
 * failure is pinned to its item, and with "Continue On Fail" becomes an error item in its place
 * instead of stopping the run.
 */
export async function runPerItem(
	ctx: IExecuteFunctions,
	operation: (itemIndex: number) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const count = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const outcome = await operation(itemIndex).then(
			(records) => ({ records }),
			(error: unknown) => ({ error }),
		);
		if ('records' in outcome) {
			for (const json of outcome.records) output.push({ json, pairedItem: { item: itemIndex } });
			continue;
		}
		const failure =
			outcome.error instanceof NodeApiError || outcome.error instanceof NodeOperationError
				? outcome.error
				: new NodeOperationError(ctx.getNode(), outcome.error as Error, { itemIndex });
		if (!ctx.continueOnFail()) throw failure;
		output.push({
			json: { error: failure.message, ...(failure.description ? { errorDescription: failure.description } : {}) },
			pairedItem: { item: itemIndex },
		});
	}
	return [output];
}
