import { resolve } from 'node:path';
import { decodeText, type Chunk } from '../engine/index.js';
import { UsageError } from '../errors.js';
import { readRegularFile } from '../safe-fs/index.js';
import { userGitConfig } from './git-env.js';
import type { ReadOutcome } from './read-files.js';
import { COMMIT_MESSAGE_PATH } from './range.js';

/** git's `commit.cleanup` modes, as they decide what of the message file is committed. */
type Cleanup = 'strip' | 'whitespace' | 'verbatim' | 'scissors';

/** The characters git picks a comment character from when `core.commentChar` is `auto`. */
const AUTO_COMMENT_CHARS = '#;@!$%^&|:';
const SCISSORS = ' ------------------------ >8 ------------------------';

/** How git will clean the message up: the comment string (undefined for `auto`) and the mode. */
export interface MessageCleanup {
  comment: string | undefined;
  mode: Cleanup;
}

/**
 * The cleanup git applies to the message file a commit-msg hook gets. With an editor (the usual
 * `git commit`) the default is `strip`: comment lines go, and with `-v` the diff below the
 * scissors line too. Without one (`-m`, `-F`, `--no-edit`; git tells hooks so with
 * `GIT_EDITOR=:`) it is `whitespace`, which keeps lines that look like comments. `commit.cleanup`
 * overrides both. Read from the user's git configuration as git itself reads it.
 */
export async function messageCleanupOf(root: string, env: Readonly<Record<string, string | undefined>>): Promise<MessageCleanup> {
  const config = await userGitConfig(root, env, ['core.commentString', 'core.commentChar', 'commit.cleanup']);
  const comment = config.get('core.commentstring') ?? config.get('core.commentchar') ?? '#';
  const isEdited = env.GIT_EDITOR !== ':';
  const configured = config.get('commit.cleanup');
  const mode: Cleanup = configured === 'strip' || configured === 'whitespace' || configured === 'verbatim' || configured === 'scissors' ? configured : isEdited ? 'strip' : 'whitespace';
  return { comment: comment === 'auto' ? undefined : comment, mode };
}

function isScissorsLine(line: string, comment: string | undefined): boolean {
  if (comment !== undefined) return line === `${comment}${SCISSORS}`;
  return line.length > 1 && AUTO_COMMENT_CHARS.includes(line[0] as string) && line.slice(1) === SCISSORS;
}

/**
 * The message as git will commit it, line for line: lines git drops are blanked (so line numbers
 * stay those of the file), and everything from a scissors line on is cut. With `auto` comment
 * characters the comment lines cannot be told apart and are kept (scanning more, never less).
 */
export function committedMessage(text: string, cleanup: MessageCleanup): string {
  const lines = text.split('\n');
  if (cleanup.mode === 'strip' || cleanup.mode === 'scissors') {
    const cut = lines.findIndex((line) => isScissorsLine(line.replace(/\r$/, ''), cleanup.comment));
    if (cut !== -1) lines.length = cut;
  }
  const comment = cleanup.comment;
  if (cleanup.mode !== 'strip' || comment === undefined) return lines.join('\n');
  return lines.map((line) => (line.startsWith(comment) ? '' : line)).join('\n');
}

function describeReadError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'it does not exist';
  if (error.code === 'ENOTREG' || error.code === 'EISDIR') return 'it is not a regular file';
  if (error.code === 'EACCES') return 'permission denied';
  return error.message;
}

/**
 * The commit message a commit-msg hook was given (`file`, relative to `cwd`), as one chunk named
 * COMMIT_EDITMSG, after the cleanup git will apply. A message over `maxFileSize` or binary is
 * skipped and counted; an unreadable file is a usage error (exit 2).
 */
export async function* commitMessageChunks(file: string, options: { cwd: string; root: string; env: Readonly<Record<string, string | undefined>>; maxFileSize: number; outcome: ReadOutcome }): AsyncGenerator<Chunk> {
  const path = resolve(options.cwd, file);
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, { maxBytes: options.maxFileSize, shouldFollowSymlink: true });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (failure.code === 'EFBIG') {
      options.outcome.skipped.push({ path: COMMIT_MESSAGE_PATH, reason: 'too-large' });
      return;
    }
    throw new UsageError(`--commit-msg ${file}: cannot read the message file: ${describeReadError(failure)}`, 'a commit-msg hook passes the file as its first argument: secretscan scan --commit-msg "$1"');
  }
  const decoded = decodeText(bytes);
  if ('isBinary' in decoded) {
    options.outcome.skipped.push({ path: COMMIT_MESSAGE_PATH, reason: 'binary', size: bytes.length });
    return;
  }
  const text = committedMessage(decoded.text, await messageCleanupOf(options.root, options.env));
  if (text.trim() !== '') yield { origin: 'commit-msg', path: COMMIT_MESSAGE_PATH, text, startLine: 1 };
}
