// Every node and credential class of the package; n8n itself loads them from the paths in package.json.
export * from './nodes/DoneerMeer/DoneerMeerTrigger.node';
export * from './nodes/Donary/DonaryTrigger.node';
export * from './nodes/Fonzip/FonzipTrigger.node';
export * from './nodes/OnlineFundraising/OnlineFundraisingTrigger.node';
export * from './nodes/PlugAndPay/PlugAndPayTrigger.node';
