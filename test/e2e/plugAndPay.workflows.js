'use strict';
const { triggerWorkflow } = require('../../scripts/workflows');

const plugAndPayAuto = triggerWorkflow({ key: 'e2e-plugandpay-auto', name: 'e2e Plug&Pay auto', nodeType: 'plugAndPayTrigger' });
const plugAndPayCancellation = triggerWorkflow({
	key: 'e2e-plugandpay-cancellation',
	name: 'e2e Plug&Pay cancellations',
	nodeType: 'plugAndPayTrigger',
	parameters: { webhookType: 'cancellation' },
});
const plugAndPayFlag = triggerWorkflow({
	key: 'e2e-plugandpay-flag',
	name: 'e2e Plug&Pay accept and flag',
	nodeType: 'plugAndPayTrigger',
	parameters: { onInvalidPayload: 'acceptAndFlag' },
});

module.exports = {
	workflows: [plugAndPayAuto, plugAndPayCancellation, plugAndPayFlag],
	plugAndPayAuto,
	plugAndPayCancellation,
	plugAndPayFlag,
};
