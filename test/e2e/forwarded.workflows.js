'use strict';
// An OnlineFundraising trigger that only admits a documentation range (203.0.113.0/24), for
// checking which sender address counts: the peer, or X-Forwarded-For behind a trusted proxy.
const { triggerWorkflow } = require('../../scripts/workflows');

const allowlisted = triggerWorkflow({
	key: 'e2e-forwarded-allowlist',
	name: 'e2e forwarded allowlist',
	nodeType: 'onlineFundraisingTrigger',
	parameters: { ipAllowlist: '203.0.113.0/24, 2001:db8::/32' },
});

module.exports = { workflows: [allowlisted], allowlisted };
