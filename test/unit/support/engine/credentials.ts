import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	type ICredentialDataDecryptedObject,
	type ICredentialsEncrypted,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type IRequestOptionsSimplified,
} from 'n8n-workflow';
import { packageCredentialTypes } from './packageTypes';

/** One call n8n-core made to preAuthentication, and whether it fetched a new token. */
export interface PreAuthenticationCall {
	type: string;
	/** n8n-core passes true on its retry after a 401. */
	credentialsExpired: boolean;
	/** Whether the credential type's own preAuthentication ran (the expirable field was empty, or expired). */
	ran: boolean;
	/** The credential data it was given (a copy). */
	input: ICredentialDataDecryptedObject;
}

/** A stored credential, handed out decrypted; nothing to encrypt in a unit test. */
class StoredCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private readonly store: CredentialStore,
	) {
		super(details, type);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.store.stored(this.type) };
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.store.stored(this.type)) };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.store.set(this.type, data);
	}

	async updateData(toUpdate: ICredentialDataDecryptedObject): Promise<void> {
		this.store.set(this.type, { ...this.store.stored(this.type), ...toUpdate });
	}
}

/**
 * n8n's credentials helper (the part of n8n's CLI that n8n-core calls) with the credentials in
 * memory, one per type, stored as the user saved them. As in n8n: the node gets them with the
 * credential type's defaults filled in; requests are signed by the type's own `authenticate`;
 * `preAuthentication` runs the type's own hook when the expirable field is empty or n8n-core
 * says the credential expired (its one retry after a 401), and what it returns is saved into the
 * stored credential (`updateCredentials`), so later executions reuse it.
 */
export class CredentialStore extends ICredentialsHelper {
	readonly preAuthentications: PreAuthenticationCall[] = [];

	private readonly data = new Map<string, ICredentialDataDecryptedObject>();

	constructor(
		credentials: Record<string, ICredentialDataDecryptedObject> = {},
		private readonly types: Map<string, ICredentialType> = packageCredentialTypes(),
	) {
		super();
		for (const [type, data] of Object.entries(credentials)) this.set(type, data);
	}

	/** The credential of a type as stored now (after any token n8n saved into it). */
	stored(type: string): ICredentialDataDecryptedObject {
		const data = this.data.get(type);
		if (!data) throw new UnexpectedError(`No "${type}" credential in this test`);
		return data;
	}

	set(type: string, data: ICredentialDataDecryptedObject): void {
		this.type(type);
		this.data.set(type, { ...data });
	}

	private type(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new UnexpectedError(`Unknown credential type "${name}"`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.type(name).extends ?? [];
		return [...parents, ...parents.flatMap((parent) => (this.types.has(parent) ? this.getParentTypes(parent) : []))];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	async getDecrypted(_additionalData: unknown, nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentialDataDecryptedObject> {
		if (!nodeCredentials.id) throw new UnexpectedError(`The node's "${type}" credential has no id`);
		// as n8n does: the stored fields, with the type's defaults for the ones not stored
		const withDefaults = NodeHelpers.getNodeParameters(this.getCredentialsProperties(type), this.stored(type) as INodeParameters, true, false, null, null);
		return { ...(withDefaults as ICredentialDataDecryptedObject) };
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return new StoredCredentials(nodeCredentials, type, this);
	}

	async updateCredentials(_nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.set(type, data);
	}

	async updateCredentialsOauthTokenData(): Promise<void> {
		throw new UnexpectedError('No OAuth credentials in this package');
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions | IRequestOptionsSimplified): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		if (authenticate === undefined) return requestOptions as IHttpRequestOptions;
		if (typeof authenticate !== 'function') throw new UnexpectedError(`${typeName}: only an authenticate() function is supported here`);
		return await authenticate(credentials, requestOptions as IHttpRequestOptions);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find((property) => property.type === 'hidden' && property.typeOptions?.expirable === true);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;
		const ran = credentials[expirable.name] === '' || credentialsExpired;
		this.preAuthentications.push({ type: typeName, credentialsExpired, ran, input: { ...credentials } });
		if (!ran) return undefined;
		// n8n hands the hook only httpRequest, n8n-core's own
		const output = (await type.preAuthentication.call({ helpers: { httpRequest: helpers.helpers.httpRequest } }, credentials)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined || !node.credentials) return undefined;
		await this.updateCredentials(node.credentials[typeName], typeName, { ...this.stored(typeName), ...output });
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, typeName: string) {
		const { preAuthentication } = this.type(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		return (await preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}
}
