import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args.ts';

describe('parseCliArgs', () => {
  it('reads --json, --dir and --port', () => {
    expect(parseCliArgs(['--json', '--dir', '/tmp/m', '--port', '58322'])).toEqual({
      json: true,
      dir: '/tmp/m',
      port: 58322,
      help: false,
    });
    expect(parseCliArgs([])).toEqual({ json: false, dir: undefined, port: undefined, help: false });
  });

  it('refuses unknown flags and bad ports', () => {
    expect(() => parseCliArgs(['--fix'])).toThrow();
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--port', '80'])).toThrow(/--port/);
  });
});
