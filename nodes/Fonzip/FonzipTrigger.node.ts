import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { providerWebhook } from '../../lib/webhook/description';
import { attachDetails } from '../../lib/webhook/details';
import { receiveWebhook } from '../../lib/webhook/receive';
import { requireHeaderSecret } from '../../lib/webhook/senders';
import type { ProviderWebhook } from '../../lib/webhook/types';
import { fonzipDonation, fonzipEventIdentity } from './donation';
import { fetchDetails } from './details';
import { expectedToken, registerWebhook, registersAutomatically, unregisterWebhook, webhookExists } from './registration';
import { fonzipTriggerProperties } from './triggerProperties';
import { normaliseFonzip } from './webhookPayload';

const fonzipWebhook: ProviderWebhook = {
	provider: 'fonzip',
	label: 'Fonzip',
	method: 'POST',
	// With automatic set-up the token is the one this node registered (kept with the credential);
	// by hand, the one the user copied from Fonzip, if any.
	async checkSender(ctx) {
		if (registersAutomatically(ctx)) {
			requireHeaderSecret(ctx.getHeaderData(), 'X-FZ-Auth-Token', await expectedToken(ctx));
			return;
		}
		const token = ctx.getNodeParameter('authToken', '') as string;
		if (token !== '') requireHeaderSecret(ctx.getHeaderData(), 'X-FZ-Auth-Token', token);
	},
	normalise: (payload) => normaliseFonzip(payload),
	filters: [
		{ parameter: 'operations', field: 'operationName' },
		{ parameter: 'statuses', field: 'statusName' },
	],
	// Fonzip's one live token may be refreshed mid-call: every request reads the stored one.
	enrich: (events, ctx) => attachDetails(ctx, events, fetchDetails, undefined, { shareCredentials: false }),
	donation: fonzipDonation,
	eventIdentity: fonzipEventIdentity,
};

export class FonzipTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fonzip Trigger',
		name: 'fonzipTrigger',
		icon: { light: 'file:fonzip.svg', dark: 'file:fonzip.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["operations"].length}} operation kinds',
		description:
			'Starts the workflow when Fonzip reports a donation, membership due, ticket, form answer, e-card or campaign. Fonzip sends only ids and codes; switch on Include Details to fetch the full record. A donation, membership due, ticket, e-card or paid form answer also comes as a normalised donation: its id is the record (fonzip:donation:<id>), its key adds the status code (fonzip:donation:<id>:3).',
		defaults: { name: 'Fonzip Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Not `required: true` + displayOptions as in the other triggers: the API is needed when set-up
		// is automatic OR Include Details is on, and displayOptions cannot say "or" across two
		// parameters (show is AND across parameters; hide hides on either). So it stays optional.
		credentials: [{ name: 'fonzipApi', required: false }],
		webhooks: [providerWebhook()],
		properties: fonzipTriggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (!registersAutomatically(this)) return true;
				return await webhookExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (!registersAutomatically(this)) return true;
				await registerWebhook(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (!registersAutomatically(this)) return true;
				await unregisterWebhook(this);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, fonzipWebhook);
	}
}
