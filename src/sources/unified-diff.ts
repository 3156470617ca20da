import { pathOfGitHeader, stripDiffPrefix, unquoteGitPath } from './git-path.js';

/** A run of consecutive added lines in one file, with the new-file line number of the first. */
export interface AddedLines {
  kind: 'added';
  path: string;
  /** 1-based line number in the new file. */
  startLine: number;
  lines: string[];
}

/**
 * A file git reports as binary (`Binary files … differ`). git may say so because of an attribute
 * (`-diff`, `binary`, a diff driver), so the source decides by content (see binaryFileInputs).
 */
export interface BinaryFile {
  kind: 'binary';
  path: string;
  /** The full blob ids of the parent side(s) (one per parent of a merge; all zeros when new). Needs `--full-index`. */
  parentBlobs: string[];
  /** The full blob id of the new side, when git printed an `index` line. */
  blob?: string;
}

/** A file renamed or copied (`rename from`/`copy from`): its new path and where it came from. */
export interface MovedFile {
  kind: 'moved';
  path: string;
  fromPath: string;
}

export type DiffEvent = AddedLines | BinaryFile | MovedFile;

const INDEX_LINE = /^index ([0-9a-f]+(?:,[0-9a-f]+)*)\.\.([0-9a-f]+)/;

const HUNK = /^(@{2,}) (?:-\d+(?:,\d+)? )+\+(\d+)(?:,\d+)? @{2,}/;

/**
 * Parses `git diff -U0` / `git log -p -U0 --cc` output line by line into runs of added lines.
 * Plain diffs have one prefix column; combined diffs of merges (`@@@`) have one per parent, and a
 * line counts as added only when every column says `+`: the merge itself introduced it, it is in
 * neither parent. Deleted files and mode changes produce nothing; a rename or copy produces a
 * `moved` event (the source decides whether the whole file needs reading).
 */
export class UnifiedDiffParser {
  private path: string | undefined;
  private fromPath: string | undefined;
  private blobs: { parents: string[]; blob: string } | undefined;
  private isDeleted = false;
  private columns = 1;
  private nextLine = 0;
  private run: AddedLines | undefined;

  /** Feeds one line (without `\n`); returns the events it completes. */
  line(text: string): DiffEvent[] {
    if (this.columns > 0 && this.path !== undefined && !this.isDeleted && this.nextLine > 0) {
      const prefix = text.slice(0, this.columns);
      if (/^[ +-]+$/.test(prefix) && prefix.length === this.columns) return this.contentLine(prefix, text.slice(this.columns));
      if (text.startsWith('\\')) return [];
    }
    return this.headerLine(text);
  }

  /** Flushes the pending run at the end of the input or of a commit. */
  end(): DiffEvent[] {
    const run = this.run;
    this.run = undefined;
    return run === undefined ? [] : [run];
  }

  private contentLine(prefix: string, content: string): DiffEvent[] {
    if (prefix.includes('-')) return this.end();
    const lineNumber = this.nextLine++;
    if (prefix.includes(' ')) return this.end();
    const path = this.path as string;
    if (this.run !== undefined && this.run.startLine + this.run.lines.length === lineNumber) {
      this.run.lines.push(content);
      return [];
    }
    const done = this.end();
    this.run = { kind: 'added', path, startLine: lineNumber, lines: [content] };
    return done;
  }

  private headerLine(text: string): DiffEvent[] {
    const hunk = HUNK.exec(text);
    if (hunk !== null) {
      const done = this.end();
      this.columns = (hunk[1] as string).length - 1;
      this.nextLine = Number(hunk[2]);
      return done;
    }
    const done = this.end();
    this.nextLine = 0;
    if (text.startsWith('diff --git ')) this.startFile(pathOfGitHeader(text.slice(11)));
    else if (text.startsWith('diff --cc ') || text.startsWith('diff --combined ')) this.startFile(unquoteGitPath(text.slice(text.indexOf(' ', 5) + 1)));
    else if (text.startsWith('rename from ') || text.startsWith('copy from ')) this.fromPath = unquoteGitPath(text.slice(text.indexOf(' from ') + 6));
    else if (text.startsWith('rename to ') || text.startsWith('copy to ')) return [...done, ...this.moved(unquoteGitPath(text.slice(text.indexOf(' to ') + 4)))];
    else if (text.startsWith('index ')) this.blobs = blobsOf(text);
    else if (text.startsWith('deleted file mode')) this.isDeleted = true;
    else if (text.startsWith('+++ ')) {
      const path = stripDiffPrefix(unquoteGitPath(text.slice(4)));
      if (path === undefined) this.isDeleted = true;
      else this.path = path;
    } else if (text.startsWith('Binary files ') && this.path !== undefined && !this.isDeleted && !text.endsWith(' and /dev/null differ')) {
      const binary: BinaryFile = { kind: 'binary', path: this.path, parentBlobs: this.blobs?.parents ?? [] };
      if (this.blobs !== undefined) binary.blob = this.blobs.blob;
      return [...done, binary];
    }
    return done;
  }

  private moved(path: string): DiffEvent[] {
    this.path = path;
    return this.fromPath === undefined ? [] : [{ kind: 'moved', path, fromPath: this.fromPath }];
  }

  private startFile(path: string | undefined): void {
    this.path = path;
    this.fromPath = undefined;
    this.blobs = undefined;
    this.isDeleted = false;
    this.columns = 1;
  }
}

function blobsOf(text: string): { parents: string[]; blob: string } | undefined {
  const match = INDEX_LINE.exec(text);
  return match === null ? undefined : { parents: (match[1] as string).split(','), blob: match[2] as string };
}
