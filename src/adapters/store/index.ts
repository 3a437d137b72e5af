export { openStore, defaultDataDir, inMemoryDataDir, type OpenStoreOptions, type OpenedStore } from './open-store.js';
export { lockFileName, type LockInfo } from './folder-lock.js';
export { globalTables } from './database.js';
