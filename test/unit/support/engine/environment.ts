// jest setupFilesAfterEnv of the unit project: what n8n-core reads from the environment when the
// engine harness (./index.ts) first needs it. Runs before each test file's own imports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// InstanceSettings keeps its settings file (encryption key, instance id) in <user folder>/.n8n:
// one throw-away folder per test file, never the developer's ~/.n8n.
const userFolder = mkdtempSync(join(tmpdir(), 'n8n-unit-'));
process.env.N8N_USER_FOLDER = userFolder;
// n8n's own logger (nodes' this.logger, the engine) stays quiet in unit runs.
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

afterAll(() => rmSync(userFolder, { recursive: true, force: true }));
