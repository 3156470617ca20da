import type { VersionControlInfo } from '../types.js';

/** A line in a file at some revision: a finding's location or one of its occurrences. */
export interface BlobLine {
  path: string;
  /** 1-based. */
  line: number;
  /** The commit to link to; the scanned revision (`vcs.revisionId`) when absent. */
  sha?: string | undefined;
}

/**
 * A link to the line on the repository's web host (`…/blob/<revision>/<path>#L<line>`), or undefined
 * when the repository URL is not https or no revision is known.
 */
export function blobUrlOf(place: BlobLine, vcs: VersionControlInfo | undefined): string | undefined {
  const revision = place.sha ?? vcs?.revisionId;
  if (vcs === undefined || revision === undefined || !vcs.repositoryUri.startsWith('https://')) return undefined;
  const path = place.path.split('/').map(encodeURIComponent).join('/');
  return `${vcs.repositoryUri.replace(/\/+$/, '')}/blob/${revision}/${path}#L${place.line}`;
}
