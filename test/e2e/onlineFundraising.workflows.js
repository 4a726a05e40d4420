'use strict';
const { randomUUID } = require('node:crypto');
const { triggerWorkflow } = require('../../scripts/workflows');

/** One webhook object as OnlineFundraising documents it, with fresh GUIDs. */
function ofEvent(entityType = 'payment', eventType = 'charged', extra = {}) {
	return {
		merchantId: 'e2e-merchant',
		webhookEventGuid: randomUUID(),
		webhookGuid: randomUUID(),
		webhookAttemptGuid: randomUUID(),
		entityGuid: randomUUID(),
		entityType,
		eventType,
		...extra,
	};
}

const of = (key, name, parameters = {}) =>
	triggerWorkflow({ key: `e2e-onlinefundraising-${key}`, name: `e2e OnlineFundraising ${name}`, nodeType: 'onlineFundraisingTrigger', parameters });

const ofOpen = of('open', 'open');
const ofBurst = of('burst', 'concurrent burst');
const ofNoDedup = of('nodedup', 'no de-duplication', { dropRepeats: false });
const ofFiltered = of('filtered', 'payments charged or new', {
	entityTypes: ['payment', 'unknown'],
	eventTypes: ['charged', 'unknown'],
});
const ofElsewhere = of('allow-elsewhere', 'allowlist without us', {
	ipAllowlist: '10.0.0.0/8, 63.182.150.245',
	onInvalidPayload: 'acceptAndFlag',
});
const ofLocalV4 = of('allow-v4', 'allowlist with 127.0.0.1', { ipAllowlist: '10.0.0.0/8\n127.0.0.1' });
const ofLocalV6 = of('allow-v6', 'allowlist with IPv6 forms', { ipAllowlist: '::1/128 ::ffff:127.0.0.1' });
const ofMisconfigured = of('allow-broken', 'misconfigured allowlist', { ipAllowlist: '127.0.0.1, 10.0.0.0/33' });
const ofFlag = of('flag', 'accept and flag', { onInvalidPayload: 'acceptAndFlag', ipAllowlist: '10.0.0.0/8 127.0.0.0/8' });
/** Not in `workflows`: imported only into the restart test's own n8n. */
const ofRestart = of('restart', 'restart');

module.exports = {
	workflows: [ofOpen, ofBurst, ofNoDedup, ofFiltered, ofElsewhere, ofLocalV4, ofLocalV6, ofMisconfigured, ofFlag],
	ofOpen,
	ofBurst,
	ofNoDedup,
	ofFiltered,
	ofElsewhere,
	ofLocalV4,
	ofLocalV6,
	ofMisconfigured,
	ofFlag,
	ofRestart,
	ofEvent,
};
