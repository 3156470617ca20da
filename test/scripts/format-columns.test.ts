import { describe, expect, it } from 'vitest';
import { formatColumns } from '../../scripts/format-columns.js';

describe('formatColumns', () => {
  it('pads to the widest cell: first column left, the rest right by default', () => {
    expect(
      formatColumns([
        ['name', 'n'],
        ['ab', '100'],
      ]),
    ).toEqual(['name    n', 'ab    100']);
  });

  it('follows the align letters, repeating the last one', () => {
    expect(
      formatColumns(
        [
          ['a', 'bb', 'c'],
          ['aaa', 'b', 'cc'],
        ],
        'l',
      ),
    ).toEqual(['a    bb  c', 'aaa  b   cc']);
  });
});
