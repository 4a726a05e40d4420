// Every node and credential class of the package; n8n itself loads them from the paths in package.json.
export * from './nodes/Fonzip/FonzipTrigger.node';
