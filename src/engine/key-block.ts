import { shannonEntropy } from './entropy.js';

/**
 * A secret that is a whole private-key block: a PEM or SSH2 block (also inside a JSON string with
 * `\n` escapes), a PuTTY key file, or a PEM encoded as one base64 string. Such a block is judged
 * by its body, never by the placeholder words: about one RSA-2048 body in 650 contains `xxxx` in
 * some case, and a PuTTY comment line may read `dummy-key`.
 */
export function isKeyBlock(secret: string): boolean {
  return KEY_BLOCK_START.test(secret);
}

const KEY_BLOCK_START = /^(?:-----BEGIN |---- BEGIN |PuTTY-User-Key-File-|LS0tLS1CRUdJTi)/;

/** Lines of a key block that are not body: BEGIN/END lines and `Name: value` headers. */
const FRAME_LINE = /^(?:-{4,5} ?(?:BEGIN|END) .*|[A-Za-z][A-Za-z0-9-]{0,40}: .*|\\)$/;

/** Whether a key block's body (BEGIN/END lines and headers left out) is filler: see isFillerText. */
export function isFillerKeyBody(secret: string): boolean {
  const body = secret
    .split(/\r?\n|\\r\\n|\\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !FRAME_LINE.test(line))
    .join('');
  return isFillerText(body);
}

/**
 * Whether random-by-construction text is filler standing in for a key: a run of eight equal
 * characters (random base64 repeats a character eight times about once in 10^13 positions; `A`
 * and `/` are exempt because zero and 0xFF bytes of a key's DER or wire encoding give runs of
 * them), or text poorer than 3 bits per character (random base64 carries about 6).
 */
export function isFillerText(text: string): boolean {
  if (/([^A/])\1{7}/.test(text)) return true;
  return shannonEntropy(text) < 3;
}
