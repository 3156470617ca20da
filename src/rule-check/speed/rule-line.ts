import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds where rules are defined, for `file:line: rule-id:` messages: the 1-based line of the first
 * `id: <rule-id>` in the file (a pack, or the config holding custom packs). Compiled rules keep
 * no line numbers, and this is needed only when a rule has a problem. Undefined when the file
 * cannot be read or holds no such line.
 */
export function ruleLineFinder(cwd: string): (file: string, id: string) => Promise<number | undefined> {
  const texts = new Map<string, Promise<string | undefined>>();
  return async (file, id) => {
    let text = texts.get(file);
    if (text === undefined) {
      text = readFile(resolve(cwd, file), 'utf8').catch(() => undefined);
      texts.set(file, text);
    }
    const lines = (await text)?.split('\n') ?? [];
    const definition = new RegExp(`^\\s*(?:-\\s+)?id:\\s*(["']?)${escapeRegExp(id)}\\1\\s*(?:#.*)?\\r?$`);
    const at = lines.findIndex((line) => definition.test(line));
    return at === -1 ? undefined : at + 1;
  };
}
