type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

/**
 * Loads the yaml package; call (and await) before parseYamlDocument. It is loaded only when
 * needed: a scan whose rules come precompiled and that has no config file never parses YAML, and
 * the pre-commit hook's start-up budget is tight.
 */
export async function loadYamlSupport(): Promise<void> {
  if (yamlModule !== undefined) return;
  // Bundled, the package can arrive as CommonJS behind `default`; unbundled, as named exports.
  const loaded = (await import('yaml')) as YamlModule & { default?: YamlModule };
  yamlModule = typeof loaded.parseDocument === 'function' ? loaded : (loaded.default as YamlModule);
}

function yaml(): YamlModule {
  if (yamlModule === undefined) throw new Error('internal: loadYamlSupport() must be awaited before parsing YAML');
  return yamlModule;
}

/** A parsed YAML file that can say on which line a value sits, for error messages. */
export interface YamlDocument {
  /** The plain JavaScript value (unknown until validated). */
  value: unknown;
  /** Syntax errors, each `file:line: message`. Empty when the file parsed. */
  errors: string[];
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
}

/** How far aliases may expand (the yaml package's `maxAliasCount`): enough for any real file. */
const MAX_ALIAS_COUNT = 100;

/** Parses YAML text; the only place the `yaml` package is imported. */
export function parseYamlDocument(text: string, file: string): YamlDocument {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((error) => {
    const line = lineCounter.linePos(error.pos[0]).line;
    return `${file}:${line}: ${error.message.split('\n')[0] ?? 'YAML syntax error'}`;
  });
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && Array.isArray(node.range)) {
        return lineCounter.linePos(node.range[0]).line;
      }
    }
    return undefined;
  };
  if (errors.length > 0) return { value: undefined, errors, lineOf };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), errors, lineOf };
  } catch (error) {
    // An alias bomb (anchors whose aliases expand to millions of nodes) stops here, before the
    // expansion: the yaml package counts the nodes each alias would copy and throws past the limit.
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { value: undefined, errors: [`${file}: ${message} (aliases may expand to at most ${MAX_ALIAS_COUNT} copies; write the values out instead)`], lineOf };
  }
}
