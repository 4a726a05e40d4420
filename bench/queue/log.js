'use strict';
// The queue bench's log line: everything it reports on the way goes to stderr, prefixed.
const log = (line) => console.error(`[queue bench] ${line}`);

module.exports = { log };
