import type { ActionResource } from '../../../lib/api/actions';
import { donation } from './donation/Donation.resource';
import { ecardTransaction } from './ecardTransaction/EcardTransaction.resource';
import { formAnswer } from './formAnswer/FormAnswer.resource';
import { fundraisingCampaign } from './fundraisingCampaign/FundraisingCampaign.resource';
import { membershipDue } from './membershipDue/MembershipDue.resource';
import { ticketSale } from './ticketSale/TicketSale.resource';
import { webhook } from './webhook/Webhook.resource';

/** The Fonzip node's resources, in the order of its Resource list; routeActions runs their operations. */
export const RESOURCES: ActionResource[] = [donation, ecardTransaction, formAnswer, fundraisingCampaign, membershipDue, ticketSale, webhook];
