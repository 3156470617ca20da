import { isAscii, isUtf8 } from 'node:buffer';

/** How many leading bytes are inspected for NUL to decide a file is binary (as git does). */
const BINARY_PROBE = 8000;

/**
 * Decodes file bytes to text, or reports that they are binary. UTF-16 with a byte-order mark is
 * decoded as such; a UTF-8 BOM is dropped; invalid UTF-8 becomes U+FFFD, so offsets stay close.
 */
export function decodeText(bytes: Buffer): { text: string; utf8?: { bytes: Buffer; isAscii: boolean } } | { isBinary: true } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le') };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return { text: swapped.swap16().toString('utf16le') };
  }
  const probe = bytes.subarray(0, BINARY_PROBE);
  if (probe.includes(0)) return { isBinary: true };
  // Pure ASCII (most source code) decodes faster as latin1, and byte offsets are character offsets.
  if (isAscii(bytes)) return { text: bytes.toString('latin1'), utf8: { bytes, isAscii: true } };
  const hasUtf8Bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  const text = body.toString('utf8');
  // Invalid UTF-8 is decoded with replacement characters; its bytes no longer map cleanly to the text.
  return isUtf8(body) ? { text, utf8: { bytes: body, isAscii: false } } : { text };
}
