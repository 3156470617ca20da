import type { Occurrence } from '../../findings/index.js';

/**
 * How reports name a place in a file: `line:column`, or `byte N` for a secret found in a binary
 * file's printable strings (lines mean little there; the byte offset is what a hex editor shows).
 */
export function positionOf(place: Pick<Occurrence, 'startLine' | 'startColumn' | 'byteOffset'>): string {
  return place.byteOffset === undefined ? `${place.startLine}:${place.startColumn}` : `byte ${place.byteOffset}`;
}

/** A place with its path: `path:line`, or `path byte N` in a binary file. */
export function placeOf(place: Pick<Occurrence, 'path' | 'startLine' | 'byteOffset'>): string {
  return place.byteOffset === undefined ? `${place.path}:${place.startLine}` : `${place.path} byte ${place.byteOffset}`;
}
