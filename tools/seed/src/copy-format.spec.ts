import { describe, expect, it } from 'vitest';
import { arrayLiteral, copyField, copyLine } from './copy-format.ts';

describe('COPY text format', () => {
  it('writes null, booleans and numbers as Postgres reads them', () => {
    expect(copyLine([null, true, false, 42, 1.5])).toBe('\\N\tt\tf\t42\t1.5\n');
  });

  it('escapes backslashes, tabs and line breaks', () => {
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
  });

  it('writes arrays as literals, quoting what is not plain', () => {
    expect(arrayLiteral(['fr', 'en'])).toBe('{fr,en}');
    expect(arrayLiteral(['a b', 'x,y', 'NULL', 'q"u'])).toBe('{"a b","x,y","NULL","q\\"u"}');
    expect(copyField(['acme.test'])).toBe('{acme.test}');
  });

  it('writes objects as JSON', () => {
    expect(copyField({ full_name: "Zoé d'Arc", n: 1 })).toBe('{"full_name":"Zoé d\'Arc","n":1}');
  });

  it('refuses numbers Postgres cannot read', () => {
    expect(() => copyField(Number.NaN)).toThrow();
  });
});
