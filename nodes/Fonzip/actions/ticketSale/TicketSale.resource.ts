import type { ActionResource } from '../../../../lib/api/actions';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const ticketSale: ActionResource = { name: 'Ticket Sale', value: 'ticketSale', operations: [get, getAll] };
