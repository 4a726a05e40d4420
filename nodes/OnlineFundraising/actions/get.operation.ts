import type { ActionOperation } from '../../../lib/api/actions';
import type { RecordKind } from '../recordKinds';
import { typedRecord } from '../recordValues';
import { getRecord } from '../transport';

/** Get, the same for every kind of record: one record by its GUID, typed. */
export function getOperation(kind: RecordKind): ActionOperation {
	return {
		option: { name: 'Get', value: 'get', description: `Get one ${kind.noun} by its GUID`, action: `Get a ${kind.noun}` },
		properties: [
			{
				displayName: `${kind.name} GUID`,
				name: 'guid',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. b1123c69-cb84-4adf-98cf-2f0c3d4e5a6b',
				description: `The ${kind.noun}'s ID in OnlineFundraising. The OnlineFundraising Trigger gives it as entityGuid.`,
			},
		],
		async execute(ctx, itemIndex) {
			return [typedRecord(await getRecord(ctx, kind, String(ctx.getNodeParameter('guid', itemIndex)), itemIndex))];
		},
	};
}
