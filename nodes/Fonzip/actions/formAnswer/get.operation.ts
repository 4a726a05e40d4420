import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getRecord, idParameter } from '../readRecords';
import { getOption, idProperty } from '../recordParameters';

export const option = getOption('form answer');

/** Fonzip finds an answer only within its form: both IDs are needed. */
export const properties: INodeProperties[] = [
	idProperty('formId', 'Form ID', 'The number of the form the answer belongs to. Get Many shows it next to each answer, with the form title.'),
	idProperty('formAnswerId', 'Form Answer ID', 'The number Fonzip gives the answer, e.g. the ID field of a Fonzip Trigger item'),
];

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const formId = idParameter(ctx, 'formId', itemIndex);
	const answerId = idParameter(ctx, 'formAnswerId', itemIndex);
	return await getRecord(ctx, 'formAnswer', answerId, itemIndex, formId);
}
