import type { ActionResource } from '../../../../lib/api/actions';
import { CONTACT } from '../../recordKinds';
import { getOperation } from '../get.operation';
import * as getAll from './getAll.operation';
import * as search from './search.operation';

/** Contacts: Get, Get Many (with an Archived filter) and Search by e-mail address or phone number. */
export const contactResource: ActionResource = {
	name: CONTACT.name,
	value: CONTACT.value,
	operations: [getOperation(CONTACT), getAll, search],
};
