'use strict';
// Writes docs/donation.schema.json from the zod schema in lib/donation/donation.ts (built into
// dist/ first: `npm run docs:schema`). A unit test fails when the file and the schema differ.
const fs = require('node:fs');
const path = require('node:path');
const { jsonSchemaOf } = require('./jsonSchema');

const ROOT = path.resolve(__dirname, '..');
const DONATION_SCHEMA_FILE = path.join(ROOT, 'docs', 'donation.schema.json');
const DONATION_SCHEMA_META = {
	id: 'https://github.com/n8n-nodes-fundraising/n8n-nodes-fundraising/blob/main/docs/donation.schema.json',
	title: 'donation',
};

if (require.main === module) {
	const { donationSchema } = require(path.join(ROOT, 'dist', 'lib', 'donation', 'donation.js'));
	fs.writeFileSync(DONATION_SCHEMA_FILE, `${JSON.stringify(jsonSchemaOf(donationSchema, DONATION_SCHEMA_META), null, '\t')}\n`);
	console.log(`wrote ${path.relative(ROOT, DONATION_SCHEMA_FILE)}`);
}

module.exports = { DONATION_SCHEMA_FILE, DONATION_SCHEMA_META };
