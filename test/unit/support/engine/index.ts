// The unit tests' n8n: real n8n-core running this package's nodes. See run.ts and poll.ts.
export { CredentialStore, type PreAuthenticationCall } from './credentials';
export { FIXTURES, readWorkflow, type WorkflowJson } from './fixtures';
export { MANUAL_TRIGGER } from './nodeTypes';
export { PACKAGE_NAME } from './packageTypes';
export { ActivePoller } from './poll';
export { failureOf, runWorkflowFixture, toWorkflow, type RecordedError, type RunOptions, type WorkflowRun } from './run';
export { actionWorkflow, TRIGGER_NAME, type ActionWorkflowOptions } from './actionWorkflow';
export { nodeContext, type NodeContext } from './context';
export { callWebhook, type IncomingRequest, type WebhookCall, type WebhookOutcome } from './webhook';
