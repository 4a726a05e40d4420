import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { formatInZone } from './dates';
import { RECORD_TYPES, detailPath, type RecordType } from './recordTypes';
import { FONZIP_MAX_PAGE_SIZE, fonzipApi, fonzipRequest, type FonzipCall } from './transport';

/** Fonzip waits for our answer: detail calls get one short retry and a timeout. */
const quickApi = { ...fonzipApi, maxRetries: 1, maxWaitMs: 2000 };
const TIMEOUT_MS = 10_000;
/** A form answer's form is looked up among the answers of this many past days… */
const FORM_LOOKBACK_DAYS = 7;
/** …on at most this many pages per status. */
const FORM_MAX_PAGES = 5;

/** The list statuses to search for a form answer, from the notification's status. */
const FORM_STATUSES: Record<string, string[]> = {
	succeeded: ['answer', 'waiting_approval'],
	refunded: ['refund'],
	failed: ['failed'],
};

function recordTypeOf(operation: unknown): RecordType | undefined {
	return (Object.keys(RECORD_TYPES) as RecordType[]).find((recordType) => RECORD_TYPES[recordType].operation === operation);
}

async function call<T>(ctx: IWebhookFunctions, request: FonzipCall): Promise<T> {
	return await fonzipRequest<T>(ctx, { ...request, api: quickApi, timeoutMs: TIMEOUT_MS });
}

/**
 * A form-answer notification carries only the answer's id, but Fonzip's detail call also needs
 * the form's id: it is found by listing the recent form answers (which name their form as
 * custom_form_id) and matching the answer id.
 */
async function formOfAnswer(ctx: IWebhookFunctions, answerId: number, statusName: string): Promise<number> {
	const now = Date.now();
	const range = {
		start_date: formatInZone(now - FORM_LOOKBACK_DAYS * 86_400_000, 'UTC'),
		end_date: formatInZone(now + 86_400_000, 'UTC'),
	};
	const statuses = FORM_STATUSES[statusName] ?? ['answer', 'waiting_approval', 'rejected', 'refund', 'failed'];
	for (const status of statuses) {
		for (let page = 1; page <= FORM_MAX_PAGES; page++) {
			const answer = await call<IDataObject>(ctx, {
				path: RECORD_TYPES.formAnswer.listPath,
				qs: { ...range, status, start_page: page, how_many: FONZIP_MAX_PAGE_SIZE },
			});
			const rows = (Array.isArray(answer?.answer_list) ? answer.answer_list : []) as IDataObject[];
			const match = rows.find((row) => row.id === answerId);
			if (match && typeof match.custom_form_id === 'number') return match.custom_form_id;
			if (page * FONZIP_MAX_PAGE_SIZE >= Number(answer?.total ?? 0) || rows.length === 0) break;
		}
	}
	throw new Error(`form answer ${answerId} is not among the form answers of the last ${FORM_LOOKBACK_DAYS} days, so its form is unknown`);
}

/** The full record behind one notification, as Fonzip's detail call returns it. */
export async function fetchDetails(ctx: IWebhookFunctions, event: IDataObject): Promise<IDataObject> {
	const recordType = recordTypeOf(event.operation);
	if (!recordType) throw new Error(`Fonzip has no API call for operation ${String(event.operation)}`);
	const id = Number(event.id);
	const spec = RECORD_TYPES[recordType];
	const formId = recordType === 'formAnswer' ? await formOfAnswer(ctx, id, String(event.statusName)) : undefined;
	const answer = await call<IDataObject>(ctx, { path: detailPath(recordType, id, formId), notFound: `no ${spec.noun} with ID ${id}` });
	const record = answer?.[spec.detailKey];
	if (record === null || typeof record !== 'object') throw new Error(`Fonzip answered without "${spec.detailKey}"`);
	return record as IDataObject;
}
