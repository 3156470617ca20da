import { compareStrings, type Finding } from '../../findings/index.js';
import { shellQuote } from '../../terminal-text/index.js';
import { envNameForVariable, variableNameOf } from '../env-name.js';
import { gitignoreLinesFor, isWholeSecretFile, secretFileKind } from '../file-kind.js';
import { REPLACEMENT } from '../replacements.js';
import type { CodeEdit, PlanSecret, RepositoryPlan, SecretFileNote } from './types.js';

function editOf(secret: PlanSecret, finding: Finding, source: CodeEdit['source']): CodeEdit {
  const provider = secret.rule?.provider.id ?? secret.finding.ruleId.split('.')[0] ?? '';
  const variable = variableNameOf(finding);
  return {
    path: finding.path,
    line: finding.startLine,
    column: finding.startColumn,
    ruleName: finding.ruleName,
    preview: finding.preview,
    ...(variable === undefined ? {} : { variable }),
    envName: envNameForVariable(variable, finding.ruleId, provider),
    source,
  };
}

function compareEdits(a: CodeEdit, b: CodeEdit): number {
  return (a.source === b.source ? 0 : a.source === 'head' ? -1 : 1) || compareStrings(a.path, b.path) || a.line - b.line || a.column - b.column;
}

/** The lines to change (outside whole secret files), each once, HEAD's first. */
function editsOf(secrets: readonly PlanSecret[]): CodeEdit[] {
  const edits = new Map<string, CodeEdit>();
  for (const secret of secrets) {
    const found = [...secret.head.map((finding) => ({ finding, source: 'head' as const })), ...secret.uncommitted.map((finding) => ({ finding, source: 'working-tree' as const }))];
    for (const { finding, source } of found) {
      if (isWholeSecretFile(secret.location, finding.path)) continue;
      const key = `${finding.path}\0${finding.startLine}\0${finding.startColumn}`;
      if (!edits.has(key)) edits.set(key, editOf(secret, finding, source));
    }
  }
  return [...edits.values()].sort(compareEdits);
}

/** Whole secret files that are in HEAD, the index or the working tree now. */
function filesOf(secrets: readonly PlanSecret[]): SecretFileNote[] {
  const notes = new Map<string, SecretFileNote>();
  for (const secret of secrets) {
    const tracked = new Set([...secret.head.map((finding) => finding.path), ...(secret.location.isStaged ? secret.uncommitted.map((finding) => finding.path) : [])]);
    const present = new Set([...tracked, ...secret.uncommitted.map((finding) => finding.path)]);
    for (const path of present) {
      const kind = secretFileKind(secret.location, path);
      if (kind === 'source') continue;
      const isTracked = tracked.has(path) || notes.get(path)?.isTracked === true;
      notes.set(path, { path, kind, isTracked, gitignore: gitignoreLinesFor(secret.location, path) });
    }
  }
  return [...notes.values()].sort((a, b) => compareStrings(a.path, b.path));
}

function commandsOf(edits: readonly CodeEdit[], files: readonly SecretFileNote[]): string[] {
  const untrack = files.filter((file) => file.isTracked).map((file) => file.path);
  const ignore = [...new Set(files.flatMap((file) => file.gitignore))];
  const changed = [...new Set(edits.filter((edit) => edit.source === 'head').map((edit) => edit.path))];
  const commands: string[] = [];
  if (untrack.length > 0) commands.push(`git rm --cached -- ${untrack.map(shellQuote).join(' ')}`);
  if (ignore.length > 0) commands.push(`printf '%s\\n' ${ignore.map(shellQuote).join(' ')} >> .gitignore`);
  const toAdd = [...changed, ...(ignore.length > 0 ? ['.gitignore'] : [])];
  if (toAdd.length > 0) commands.push(`git add -- ${toAdd.map(shellQuote).join(' ')}`);
  if (toAdd.length > 0 || untrack.length > 0) commands.push(`git commit -m ${shellQuote('Read secrets from the environment, not the code')}`);
  return commands;
}

/**
 * Step 2: the exact lines that hold a secret (at HEAD first, then files not committed yet), each
 * with the environment variable to read it from, named after the variable in the code; files that
 * are secret as a whole are untracked and ignored instead. Done before the purge, so the purge
 * leaves HEAD as the user wrote it instead of writing the marker into it.
 */
export function fixSection(secrets: readonly PlanSecret[]): RepositoryPlan['fix'] {
  const edits = editsOf(secrets);
  const files = filesOf(secrets);
  const actions: string[] = [];
  if (edits.length > 0) {
    actions.push(
      'At each line below, delete the value and read it at runtime from the environment variable named there; set that variable in your deployment, your CI secrets, or a local `.env` that git ignores. A secret file mount (`NAME_FILE`, e.g. Docker and Kubernetes secrets under `/run/secrets/`) or a secret manager works too.',
    );
  }
  for (const file of files) {
    const where =
      file.kind === 'env'
        ? 'keep it only on the machines that use it and commit a `.env.example` with empty values'
        : file.kind === 'key'
          ? 'mount it at runtime as a secret file or keep it in a secret manager'
          : 'keep it outside the repository, or use CI secrets or a secret manager';
    actions.push(`\`${file.path}\` is secret as a whole: ${file.isTracked ? 'untrack it (the file stays on disk) and ' : ''}add it to \`.gitignore\`; ${where}.`);
  }
  if (edits.length === 0 && files.length === 0) actions.push('Nothing at HEAD or in the working tree holds these secrets any more: go on with the purge.');
  if (secrets.some((secret) => secret.location.isStaged)) actions.push('A value is staged: after the edit, stage the file again before you commit.');
  const commands = commandsOf(edits, files);
  if (commands.length > 0) actions.push('Then run:');
  return {
    title: 'Fix the code at HEAD',
    why: `Do this before the purge. The purge replaces every value it finds, HEAD included, with \`${REPLACEMENT}\`: a value still in the code would become that marker there, and the code would stop working without a word.`,
    actions,
    commands,
    edits,
    files,
  };
}
