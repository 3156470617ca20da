import { closeSync, openSync, writeSync } from 'node:fs';

// Serialises commands of git's fast-import format (git-fast-import(1)). Building a repository from
// one stream takes one process instead of thousands of `git commit` runs. Marks (`:N`) name commits
// inside the stream; file contents are written inline, so blobs need no marks.

/** Who made a commit or tag, and when. */
export interface Signature {
  name: string;
  email: string;
  /** Seconds since the Unix epoch, written with a `+0000` offset. */
  time: number;
}

/** A change to one path in a commit. `modify` writes a regular file (mode 100644). */
export type FileChange = { kind: 'modify'; path: string; content: string } | { kind: 'delete'; path: string };

/** A commit on `ref`. Without `from`, the ref is new and the commit is a root commit. */
export interface CommitCommand {
  type: 'commit';
  /** Full ref name, e.g. `refs/heads/main`. */
  ref: string;
  /** Mark of this commit, at least 1. */
  mark: number;
  author: Signature;
  committer: Signature;
  message: string;
  /** Mark of the first parent. */
  from?: number | undefined;
  /** Marks of further parents (a merge). */
  merge?: number[];
  changes: FileChange[];
}

/** An annotated tag `refs/tags/<name>` on the commit with mark `from`. */
export interface TagCommand {
  type: 'tag';
  name: string;
  from: number;
  tagger: Signature;
  message: string;
}

/** Points `ref` at the commit with mark `from` (a branch or a lightweight tag). */
export interface ResetCommand {
  type: 'reset';
  ref: string;
  from: number;
}

/** One command of the stream. */
export type FastImportCommand = CommitCommand | TagCommand | ResetCommand;

/** Opens a stream; `feature done` makes git reject a stream that was cut short. */
export const STREAM_HEADER = 'feature done\n';

/** Closes a stream opened with STREAM_HEADER. */
export const STREAM_FOOTER = 'done\n';

/** A `data` block: the exact byte count, the bytes, and the optional closing line feed. */
export function formatData(text: string): string {
  return `data ${Buffer.byteLength(text, 'utf8')}\n${text}\n`;
}

/**
 * A path as fast-import reads it: as is, or C-quoted when it starts with a double quote or holds a
 * line feed, backslash or double quote (quoting is always accepted, and required in those cases).
 */
export function formatPath(path: string): string {
  if (path.length === 0) throw new RangeError('a path cannot be empty');
  if (!/["\\\n]/.test(path)) return path;
  return `"${path.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;
}

function formatSignature(role: string, s: Signature): string {
  if (/[<>\n]/.test(s.name + s.email)) throw new RangeError(`${role}: name and email cannot hold <, > or a line feed`);
  return `${role} ${s.name} <${s.email}> ${s.time} +0000\n`;
}

function formatChange(change: FileChange): string {
  if (change.kind === 'delete') return `D ${formatPath(change.path)}\n`;
  return `M 100644 inline ${formatPath(change.path)}\n${formatData(change.content)}`;
}

/** One command as stream text, ending with a blank line (a tag: with its message's line feed). */
export function formatCommand(command: FastImportCommand): string {
  switch (command.type) {
    case 'reset':
      return `reset ${command.ref}\nfrom :${command.from}\n\n`;
    case 'tag':
      // A tag has no optional blank line of its own: the data block's closing line feed ends it.
      return `tag ${command.name}\nfrom :${command.from}\n${formatSignature('tagger', command.tagger)}${formatData(command.message)}`;
    default: {
      const parents = [...(command.from === undefined ? [] : [`from :${command.from}\n`]), ...(command.merge ?? []).map((mark) => `merge :${mark}\n`)];
      return [
        `commit ${command.ref}\nmark :${command.mark}\n`,
        formatSignature('author', command.author),
        formatSignature('committer', command.committer),
        formatData(command.message),
        ...parents,
        ...command.changes.map(formatChange),
        '\n',
      ].join('');
    }
  }
}

/** Reads an `--export-marks` file (`:N <sha>` per line) into mark -> object name. */
export function parseMarks(text: string): Map<number, string> {
  const marks = new Map<number, string>();
  for (const line of text.split('\n')) {
    const match = /^:(\d+) ([0-9a-f]{40,64})$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) marks.set(Number(match[1]), match[2]);
  }
  return marks;
}

/**
 * Writes STREAM_HEADER, every command the generator yields, and STREAM_FOOTER to a new file at
 * `path`. Returns the generator's return value and the stream's size in bytes.
 */
export function writeStreamFile<R>(path: string, commands: Generator<FastImportCommand, R>): { result: R; bytes: number } {
  const fd = openSync(path, 'w');
  let bytes = 0;
  const write = (text: string): void => {
    bytes += writeSync(fd, text);
  };
  try {
    write(STREAM_HEADER);
    let step = commands.next();
    for (; step.done !== true; step = commands.next()) write(formatCommand(step.value));
    write(STREAM_FOOTER);
    return { result: step.value, bytes };
  } finally {
    closeSync(fd);
  }
}
