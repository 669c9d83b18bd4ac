export type { GmtWriteOptions } from './gmt.js';
export { formatGmt, parseGmt, parseGmtEntries, readGmt, writeGmt } from './gmt.js';
export type { GeneSets, GmtEntry } from './types.js';
