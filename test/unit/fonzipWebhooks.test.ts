import { webhookBody, webhookProblems } from '../../nodes/Fonzip/webhooks';
import { eventsFor, webhookName } from '../../nodes/Fonzip/registration';

const url = 'https://n8n.example.org/webhook/abc/webhook';

describe('Fonzip webhooks', () => {
	test('the body always carries all six event keys', () => {
		expect(webhookBody({ name: ' a ', url, events: ['FORM'], authToken: 't' })).toEqual({
			name: 'a',
			url,
			authentication: true,
			auth_token: 't',
			events: { DONATION: false, SUBSCRIPTION: false, TICKET: false, FORM: true, CERTIFICATE_SALE: false, FUNDRAISING_CAMPAIGN: false },
		});
		expect(webhookBody({ name: 'a', url, events: [] })).toMatchObject({ authentication: false, auth_token: '' });
	});

	test('names Fonzip cannot take are found before calling it', () => {
		expect(webhookProblems({ name: 'ok name', url, events: ['DONATION'] }, [])).toEqual([]);
		expect(webhookProblems({ name: 'a (b)', url, events: ['DONATION'] }, [])).toEqual(['the name contains brackets, which Fonzip cannot store']);
		expect(webhookProblems({ name: 'taken', url, events: ['DONATION'] }, [{ id: 1, name: 'taken', url }])).toEqual([
			'another webhook in Fonzip is already called "taken"',
		]);
		expect(webhookProblems({ name: '', url: 'ftp://x', events: [] }, [])).toEqual([
			'the name is empty',
			'the URL is not a web address (http:// or https://)',
			'no events are chosen',
		]);
	});

	test('a registered webhook is named after the workflow, without brackets, unique per URL', () => {
		expect(webhookName('Donations (live) → CRM', url)).toMatch(/^n8n Donations live CRM [0-9a-f]{8}$/);
		expect(webhookName('x', url)).not.toBe(webhookName('x', `${url}-test`));
		expect(eventsFor(['donation', 'ecard', 'unknown', 'form'])).toEqual(['CERTIFICATE_SALE', 'DONATION', 'FORM']);
	});
});
