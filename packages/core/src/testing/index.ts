export { sharedDataDir, sharedDataPath, sharedDataSkipMessage } from './shared-data.js';
