import { sleep, type IDataObject, type IWebhookFunctions } from 'n8n-workflow';
import { seenEventsOf, type DeliveryClaim } from './seenEvents';

/**
 * The n8n side of "delivered twice, runs once": a request's claim is kept in the node's static
 * data, which n8n saves with the execution (see seenEvents.ts for why it is built this way).
 */

/** The parts of n8n's (Express) response a claim needs: its close, whatever the outcome, and how it ended. */
interface ClosingAnswer {
	once?(event: 'close', listener: () => void): unknown;
	statusCode?: number;
	writableFinished?: boolean;
}

/**
 * When a claim marks the static data as changed again: soon after the webhook function returned
 * (n8n clears the mark as it starts creating the execution), then less and less often, while the
 * call is open. One mark after n8n cleared it is enough; the save comes after database work.
 */
const REMARK_AFTER_MS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
const REMARK_FOR_MS = 120_000;

/** Assigns the value again (which marks the static data changed) until n8n has saved it or the call ended. */
async function keepMarkedChanged(slot: IDataObject, value: IDataObject, claim: DeliveryClaim): Promise<void> {
	for (let step = 0, waited = 0; claim.open && waited < REMARK_FOR_MS; step++) {
		const pause = REMARK_AFTER_MS[Math.min(step, REMARK_AFTER_MS.length - 1)];
		await sleep(pause);
		waited += pause;
		if (claim.open) slot.seenEvents = value;
	}
}

/**
 * Claims the first deliveries of `ids` for the request `ctx` serves, remembered in the node's
 * static data. Returns, per id, whether it is a first delivery.
 */
export function claimFirstDeliveries(
	ctx: IWebhookFunctions,
	ids: readonly string[],
	bound: number,
	answerAfterRun: boolean,
): boolean[] {
	const memory = seenEventsOf(ctx.getWorkflow().id ?? 'unsaved', ctx.getNode().id, bound);
	const slot = ctx.getWorkflowStaticData('node');
	const claim = memory.claim(ids, slot.seenEvents, { answerAfterRun });
	const answer = ctx.getResponseObject() as unknown as ClosingAnswer;
	answer.once?.('close', () => claim.settle(answer.writableFinished === true && (answer.statusCode ?? 500) < 300));
	if (claim.toStore) {
		const value = claim.toStore as IDataObject;
		slot.seenEvents = value;
		void keepMarkedChanged(slot, value, claim);
	}
	return claim.fresh;
}
