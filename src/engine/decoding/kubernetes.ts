import { base64ToText } from './base64.js';

/** `kind: Secret` on a line of its own (quoted or not): the manifest declares its data secret. */
const SECRET_KIND = /^[ \t]*kind:[ \t]*["']?Secret["']?[ \t]*(?:#.*)?\r?$/im;
/** A `data:` key; its entries follow on more-indented lines. */
const DATA_KEY = /^([ \t]*)data:[ \t]*\r?$/gm;
const ENTRY = /^([ \t]+)([A-Za-z0-9._-]{1,253}):[ \t]*(.*)$/;
const BASE64_VALUE = /^["']?([A-Za-z0-9+/]{4,}={0,2})["']?[ \t]*(?:#.*)?$/;
const CONTINUATION = /^[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/;

/** One `data:` entry of a Secret manifest: its key, decoded value, and where the encoded value is. */
export interface SecretDataEntry {
  key: string;
  decoded: string;
  start: number;
  end: number;
}

/**
 * The base64 values under `data:` in a Kubernetes `kind: Secret` manifest (YAML), decoded. Values
 * may sit on the key's line, quoted or not, or in a `|` / `>` block on the lines after it.
 * Manifests whose kind is not exactly Secret (ExternalSecret, SopsSecret, SealedSecret) hold
 * references or ciphertext and are skipped.
 */
export function secretManifestEntries(text: string): SecretDataEntry[] {
  if (!SECRET_KIND.test(text)) return [];
  const entries: SecretDataEntry[] = [];
  DATA_KEY.lastIndex = 0;
  for (let data = DATA_KEY.exec(text); data !== null; data = DATA_KEY.exec(text)) {
    const indent = (data[1] ?? '').replace(/\t/g, '    ').length;
    let at = data.index + data[0].length + 1;
    while (at < text.length) {
      const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
      const line = text.slice(at, lineEnd).replace(/\r$/, '');
      if (line.trim() === '' || line.trim().startsWith('#')) {
        at = lineEnd + 1;
        continue;
      }
      const entry = ENTRY.exec(line);
      if (entry === null || (entry[1] ?? '').replace(/\t/g, '    ').length <= indent) break;
      const [, , key = '', rest = ''] = entry;
      let next = lineEnd + 1;
      const inline = BASE64_VALUE.exec(rest);
      if (inline !== null) {
        const value = inline[1] ?? '';
        const start = at + line.indexOf(value, line.indexOf(':') + 1);
        pushDecoded(entries, key, text, start, start + value.length);
      } else if (/^[|>][-+]?[ \t]*$/.test(rest.trim())) {
        // A block scalar: base64 lines (possibly wrapped) until the indentation drops back.
        let start = -1;
        let end = -1;
        while (next < text.length) {
          const blockEnd = text.indexOf('\n', next) === -1 ? text.length : text.indexOf('\n', next);
          const blockLine = text.slice(next, blockEnd).replace(/\r$/, '');
          const part = CONTINUATION.exec(blockLine);
          if (part === null) break;
          if (start === -1) start = next + blockLine.indexOf(part[1] ?? '');
          end = next + blockLine.indexOf(part[1] ?? '') + (part[1] ?? '').length;
          next = blockEnd + 1;
        }
        if (start !== -1) pushDecoded(entries, key, text, start, end, true);
      }
      at = next;
    }
  }
  return entries;
}

function pushDecoded(entries: SecretDataEntry[], key: string, text: string, start: number, end: number, isBlock = false): void {
  const encoded = isBlock ? text.slice(start, end).replace(/\s+/g, '') : text.slice(start, end);
  // Short values (a username, "bar") are decoded too: the rule decides what is worth reporting.
  const decoded = base64ToText(encoded);
  if (decoded !== undefined) entries.push({ key, decoded, start, end });
}
