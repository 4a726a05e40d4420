/** The tokens this n8n process holds, shared by every node and execution that uses the client. */

export interface HeldToken {
	token: string;
	expiresAt: number;
}

/** Tokens this n8n process obtained, by client: concurrent executions share them. */
export const heldTokens = new Map<string, HeldToken>();
/** Token requests under way, by client: concurrent callers wait for the same one. */
export const tokenRequests = new Map<string, Promise<HeldToken | 'conflict'>>();

/** Forgets the tokens this process holds (tests; a credential whose secret changed is keyed apart anyway). */
export function forgetHeldTokens(): void {
	heldTokens.clear();
	tokenRequests.clear();
}
