/** One commented-out section of the starter config: what it is for, then an example. */
interface StarterSection {
  explanation: readonly string[];
  example: readonly string[];
}

const HEADER = [
  '# secretscan configuration. Every key is optional: uncomment what you need.',
  '# `secretscan scan` checks this file and lists every problem with its line.',
  '# Reference: https://github.com/secretscan/secretscan#configuration-secretscanyaml',
];

const SECTIONS: readonly StarterSection[] = [
  {
    explanation: ['Skip files bigger than this (bytes, or with a unit: 512KiB, 5MB). Default: 10MiB.'],
    example: ['maxFileSize: 10MiB'],
  },
  {
    explanation: ['Turn off rules by id, or whole providers by provider id (`secretscan rules list`).'],
    example: ['rules:', '  disable: [generic.password-assignment]'],
  },
  {
    explanation: ['Allowlist entries: each needs a reason and at least one of paths, regexes or stopwords;', 'every condition given must hold. An entry with only `paths` skips those files entirely.'],
    example: [
      'allowlist:',
      '  - reason: Test fixtures hold fake keys on purpose.',
      "    paths: [test/fixtures/, '**/*.example.env']",
      '  - reason: The documented demo token is public.',
      '    rules: [generic]',
      '    stopwords: [example, dummy]',
    ],
  },
];

/** The examples of the starter config, uncommented: valid configuration on their own. */
export const STARTER_CONFIG_EXAMPLE = `${SECTIONS.map((s) => s.example.join('\n')).join('\n\n')}\n`;

/**
 * The `.secretscan.yaml` that `secretscan init` writes: everything commented out, so it changes
 * nothing until the user edits it, but shows the keys with working examples.
 */
export const STARTER_CONFIG = `${[HEADER.join('\n'), ...SECTIONS.map((s) => [...s.explanation.map((line) => `# ${line}`), ...s.example.map((line) => `# ${line}`)].join('\n'))].join('\n\n')}\n`;
