import { describe, expect, it } from 'vitest';
import { parseEnvFile } from './env-file.ts';

describe('parseEnvFile', () => {
  it('reads assignments, skips comments and blank lines, honours quotes and export', () => {
    const text = [
      '# a comment',
      '',
      'PLAIN=value',
      'SPACED = spaced value  # trailing comment',
      'export EXPORTED=yes',
      'DOUBLE="with # hash\\nand newline"',
      "SINGLE='kept \\n as is'",
      'EMPTY=',
      'URL=https://example.test/a#fragment',
      'not a line',
    ].join('\n');
    expect(parseEnvFile(text)).toEqual({
      PLAIN: 'value',
      SPACED: 'spaced value',
      EXPORTED: 'yes',
      DOUBLE: 'with # hash\nand newline',
      SINGLE: 'kept \\n as is',
      EMPTY: '',
      URL: 'https://example.test/a#fragment',
    });
  });
});
