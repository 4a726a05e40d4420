import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ActionOperation } from '../../../../lib/api/actions';
import { typedRecord } from '../../recordValues';
import { searchContacts } from '../../transport';

export const option: ActionOperation['option'] = {
	name: 'Search',
	value: 'search',
	description: 'Find contacts by e-mail address or phone number',
	action: 'Search contacts by e-mail or phone',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'E-Mail or Phone Number',
		name: 'search',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. name@email.com or 4512345678',
		description: 'The contact\'s e-mail address, or mobile number with country code and no spaces or plus sign',
	},
];

/** The contacts with that e-mail address or phone number, typed. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const contacts = await searchContacts(ctx, String(ctx.getNodeParameter('search', itemIndex)), itemIndex);
	return contacts.map(typedRecord);
}
