// Every node and credential class of the package; n8n itself loads them from the paths in package.json.
export * from './nodes/DoneerMeer/DoneerMeerTrigger.node';
export * from './nodes/Donary/DonaryTrigger.node';
export * from './credentials/FonzipApi.credentials';
export * from './nodes/Fonzip/Fonzip.node';
export * from './nodes/Fonzip/FonzipPollTrigger.node';
export * from './nodes/Fonzip/FonzipTrigger.node';
export * from './credentials/OnlineFundraisingApi.credentials';
export * from './credentials/PlugAndPayApi.credentials';
export * from './nodes/OnlineFundraising/OnlineFundraising.node';
export * from './nodes/OnlineFundraising/OnlineFundraisingTrigger.node';
export * from './nodes/PlugAndPay/PlugAndPay.node';
export * from './nodes/PlugAndPay/PlugAndPayTrigger.node';
