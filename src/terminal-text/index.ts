// Text for people: whatever came from a scanned repository (paths, names, messages) is printed
// through here, so escape sequences, stray line breaks and bidi controls never reach a terminal.
export { printable, printableLines } from './printable.js';
export { printableJson } from './printable-json.js';
export { shellQuote } from './shell-quote.js';
