'use strict';
// "Drop Repeated Deliveries" on the triggers other than OnlineFundraising (whose memory has its
// own burst and restart tests): on where a workflow sets it, off by default.
const { triggerWorkflow } = require('../../scripts/workflows');

const donaryDropping = triggerWorkflow({
	key: 'e2e-repeats-donary',
	name: 'e2e repeats Donary dropping',
	nodeType: 'donaryTrigger',
	parameters: { dropRepeats: true },
});
const fonzipDropping = triggerWorkflow({
	key: 'e2e-repeats-fonzip',
	name: 'e2e repeats Fonzip dropping',
	nodeType: 'fonzipTrigger',
	parameters: { dropRepeats: true },
});
const doneerMeerDefault = triggerWorkflow({ key: 'e2e-repeats-doneermeer', name: 'e2e repeats Doneer Meer default', nodeType: 'doneerMeerTrigger' });

module.exports = { workflows: [donaryDropping, fonzipDropping, doneerMeerDefault], donaryDropping, fonzipDropping, doneerMeerDefault };
