'use strict';
// `npm run screenshot`: docs/donation-to-crm.png, the "Donation → CRM" sub-workflow
// (examples/donation-to-crm.json) as n8n's editor shows it. Needs the n8n of `npm start` running
// (N8N_PORT as there) and a Chromium (Debian: apt-get install chromium; CHROMIUM=<path> for another).
// Signs in like a user, imports the workflow through the editor's own REST API when this n8n does
// not have it yet, opens it, fits it to the view and saves the picture.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const puppeteer = require('puppeteer-core');

const ROOT = path.resolve(__dirname, '..');
const BASE = `http://127.0.0.1:${Number(process.env.N8N_PORT || 5678)}`;
const LOGIN = { email: 'owner@example.org', password: 'Fundraising-1' };
const WORKFLOW = path.join(ROOT, 'examples', 'donation-to-crm.json');
const OUTPUT = path.join(ROOT, 'docs', 'donation-to-crm.png');
const VIEW = { width: 1600, height: 900 };

function chromium() {
	const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
	const found = candidates.find((file) => file && fs.existsSync(file));
	if (!found) throw new Error('No Chromium found: apt-get install chromium, or set CHROMIUM=<path to the browser>');
	return found;
}

async function signIn(page) {
	await page.goto(`${BASE}/signin`, { waitUntil: 'networkidle2' });
	await page.waitForSelector('input[type="email"], input[name="emailOrLdapLoginId"]');
	await page.type('input[type="email"], input[name="emailOrLdapLoginId"]', LOGIN.email);
	await page.type('input[type="password"]', LOGIN.password);
	await page.click('[data-test-id="form-submit-button"]');
	// the editor is a single-page app: signing in changes the route, not the page
	await page.waitForFunction(() => !location.pathname.startsWith('/signin'), { timeout: 20_000 }).catch(() => {
		throw new Error(`sign-in as ${LOGIN.email} failed (is this the n8n of npm start?)`);
	});
}

/** The editor's REST API from inside the page: its session cookie, and the browser-id header without which n8n ends the session. */
function rest(page, method, route, body) {
	return page.evaluate(
		async (method, route, body) => {
			const res = await fetch(`/rest${route}`, {
				method,
				headers: { 'content-type': 'application/json', 'browser-id': localStorage.getItem('n8n-browserId') ?? '' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: res.status, json: await res.json().catch(() => null) };
		},
		method,
		route,
		body,
	);
}

async function workflowId(page, workflow) {
	const filter = encodeURIComponent(JSON.stringify({ name: workflow.name }));
	const list = await rest(page, 'GET', `/workflows?filter=${filter}`);
	if (list.status !== 200) throw new Error(`listing workflows: HTTP ${list.status}`);
	const existing = list.json.data.find((candidate) => candidate.name === workflow.name);
	const { name, nodes, connections, settings } = workflow;
	if (existing) {
		// a copy imported by an earlier run may be older than the file: bring it up to date
		const stored = (await rest(page, 'GET', `/workflows/${existing.id}`)).json.data;
		if (JSON.stringify([stored.nodes, stored.connections]) !== JSON.stringify([nodes, connections])) {
			const updated = await rest(page, 'PATCH', `/workflows/${existing.id}`, { nodes, connections, settings, versionId: stored.versionId });
			if (updated.status !== 200) throw new Error(`updating "${name}": HTTP ${updated.status} ${JSON.stringify(updated.json)}`);
			console.log(`Updated "${name}" in ${BASE} from ${path.relative(ROOT, WORKFLOW)}`);
		}
		return existing.id;
	}
	const created = await rest(page, 'POST', '/workflows', { name, nodes, connections, settings, active: false });
	if (created.status !== 200) throw new Error(`importing ${path.relative(ROOT, WORKFLOW)}: HTTP ${created.status} ${JSON.stringify(created.json)}`);
	console.log(`Imported "${name}" into ${BASE}`);
	return created.json.data.id;
}

async function main() {
	const workflow = JSON.parse(fs.readFileSync(WORKFLOW, 'utf8'));
	const ready = await fetch(`${BASE}/healthz/readiness`).catch(() => undefined);
	if (!ready?.ok) throw new Error(`No n8n at ${BASE}: start it with \`npm start\` (and the same N8N_PORT) first`);
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fundraising-chromium-'));
	const browser = await puppeteer.launch({
		executablePath: chromium(),
		headless: true,
		defaultViewport: VIEW,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			`--window-size=${VIEW.width},${VIEW.height}`,
		],
		userDataDir: profile,
	});
	try {
		const page = await browser.newPage();
		await signIn(page);
		const id = await workflowId(page, workflow);
		await page.goto(`${BASE}/workflow/${id}`, { waitUntil: 'networkidle2' });
		const stickies = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote').length;
		await page.waitForFunction(
			(nodes, notes) =>
				document.querySelectorAll('[data-test-id="canvas-node"]').length >= nodes &&
				document.querySelectorAll('[data-test-id="sticky"]').length >= notes,
			{ timeout: 30_000 },
			workflow.nodes.length - stickies,
			stickies,
		);
		await page.click('[data-test-id="zoom-to-fit"]');
		// no hover or focus ring on the button in the picture
		await page.evaluate(() => document.activeElement?.blur());
		await page.mouse.move(VIEW.width - 1, VIEW.height / 2);
		// fitting animates; let it settle before the picture
		await new Promise((resolve) => setTimeout(resolve, 1000));
		fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
		await page.screenshot({ path: OUTPUT });
		console.log(`Wrote ${path.relative(process.cwd(), OUTPUT)} (${VIEW.width}x${VIEW.height})`);
	} finally {
		await browser.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
