import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * n8n 2.40 decrypts the credential for every API call (httpRequestWithAuthentication calls
 * `this.getCredentials(type)`). In a webhook call, with its default expression engine, each
 * decryption builds a fresh isolate: about 40 ms of CPU per call (measured), which held a batch to
 * 10–20 fetches a second whatever the API's speed; in a node execution it costs about 1 ms
 * (bench/RESULTS.md section 7). This context shares one decryption per credential type among
 * the calls made through it (one webhook call, one node execution); everything else is n8n's own
 * context. Only for credentials that do not change during a call: a refreshed token is saved to
 * the stored credential, not to this shared copy. Pass it as `this` to the request helpers.
 */
export function sharingCredentials<Context extends IExecuteFunctions | IWebhookFunctions>(ctx: Context): Context {
	const decrypted = new Map<string, Promise<object>>();
	const getCredentials = async (type: string, itemIndex?: number): Promise<object> => {
		// a call naming an item is left to n8n: the credential's expressions may resolve against it
		if (itemIndex !== undefined) return await ctx.getCredentials(type, itemIndex);
		let shared = decrypted.get(type);
		if (!shared) {
			shared = ctx.getCredentials(type);
			decrypted.set(type, shared);
		}
		return await shared;
	};
	return new Proxy(ctx, {
		get(target, property) {
			if (property === 'getCredentials') return getCredentials;
			// n8n's context methods may use private fields: they run on the context itself
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}
