import type { ActionResource } from '../../../../lib/api/actions';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const fundraisingCampaign: ActionResource = { name: 'Fundraising Campaign', value: 'fundraisingCampaign', operations: [get, getAll] };
