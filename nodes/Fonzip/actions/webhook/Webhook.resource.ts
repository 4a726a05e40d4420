import type { ActionResource } from '../../../../lib/api/actions';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';
import * as sendTest from './sendTest.operation';

/** Get Many first: it is the operation a new Webhook step starts on. */
export const webhook: ActionResource = { name: 'Webhook', value: 'webhook', operations: [getAll, create, deleteOperation, sendTest] };
