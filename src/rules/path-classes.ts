import type { Severity } from '../findings/index.js';
import { compilePathPatterns } from './path-glob.js';

/**
 * Named lists of gitignore-style patterns a rule's `severityByPath` can refer to with `class:`.
 * `tests-and-docs`: where credentials are fakes for tests or illustrations for readers (tests,
 * fixtures, mocks, examples and samples, docs, generator templates such as Rails' `*.tt`, and
 * development-container settings).
 */
export const PATH_CLASSES = {
  'tests-and-docs': [
    'test/',
    'tests/',
    '__tests__/',
    'spec/',
    'specs/',
    'testdata/',
    'test-data/',
    'test_data/',
    'testing/',
    'fixtures/',
    'fixture/',
    '__fixtures__/',
    'mocks/',
    '__mocks__/',
    '*.test.*',
    '*.spec.*',
    '*_test.*',
    '*_spec.*',
    'test_*.*',
    '*Test.{java,kt,scala,groovy,php}',
    '*Tests.{cs,java,kt,swift}',
    'examples/',
    'example/',
    'samples/',
    'sample/',
    'samples-dev/',
    'demo/',
    'demos/',
    '*.example',
    '*.sample',
    '*.example.*',
    '*.sample.*',
    '.env.example',
    '.env.sample',
    '.env.test',
    '.env.template',
    '*.template',
    '*.tt',
    'docs/',
    'doc/',
    'documentation/',
    '*.md',
    '*.mdx',
    '*.rst',
    '*.adoc',
    '.devcontainer/',
    '.devcontainer.json',
  ],
} as const satisfies Record<string, readonly string[]>;

/** The name of a path class. */
export type PathClassName = keyof typeof PATH_CLASSES;

/** Whether `name` is a known path class. */
export function isPathClassName(name: unknown): name is PathClassName {
  return typeof name === 'string' && Object.hasOwn(PATH_CLASSES, name);
}

/**
 * Every rule's last `severityByPath` entry: a credential in tests, fixtures, examples or docs is
 * graded low, so `--fail-on`/`fail-on: medium` separates it from one in code that runs. A rule's
 * own entries come first and can grade those paths otherwise.
 */
export const DEFAULT_SEVERITY_BY_PATH: readonly { class: PathClassName; severity: Severity }[] = [{ class: 'tests-and-docs', severity: 'low' }];

const compiled = new Map<PathClassName, (path: string) => boolean>();

/** A class's path predicate, compiled once and shared by every rule (its answers are cached per path). */
export function pathClassMatcher(name: PathClassName): (path: string) => boolean {
  let matcher = compiled.get(name);
  if (matcher === undefined) compiled.set(name, (matcher = compilePathPatterns(PATH_CLASSES[name])));
  return matcher;
}
