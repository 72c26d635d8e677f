import { describe, expect, it } from 'vitest';
import {
  firstLine,
  playwrightCounts,
  playwrightFailures,
  vitestCounts,
  vitestFailures,
} from './test-reports.ts';

describe('vitest report', () => {
  const report = {
    numPassedTests: 3,
    numFailedTests: 1,
    testResults: [
      {
        name: '/repo/supabase/tests/a.int.spec.ts',
        status: 'failed',
        assertionResults: [
          { fullName: 'booking refuses a taken slot', status: 'passed' },
          {
            fullName: 'booking keeps the hold',
            status: 'failed',
            failureMessages: [
              '\x1b[31mAssertionError: expected 1 to be 2\x1b[39m\n    at a.int.spec.ts:12:3',
            ],
          },
        ],
      },
      {
        name: '/repo/supabase/tests/b.int.spec.ts',
        status: 'failed',
        message: '\nfailed to load: boom\nstack',
        assertionResults: [],
      },
      {
        name: '/repo/libs/c.spec.ts',
        status: 'passed',
        assertionResults: [{ fullName: 'c', status: 'passed' }],
      },
    ],
  };

  it('counts and names each failed test with its first error line, relative to the repo', () => {
    expect(vitestCounts(report)).toEqual({ passed: 3, failed: 1 });
    expect(vitestFailures(report, '/repo')).toEqual([
      {
        test: 'supabase/tests/a.int.spec.ts > booking keeps the hold',
        error: 'AssertionError: expected 1 to be 2',
      },
      { test: 'supabase/tests/b.int.spec.ts', error: 'failed to load: boom' },
    ]);
  });
});

describe('playwright report', () => {
  const result = (status: string, message?: string) => ({
    status,
    ...(message ? { error: { message } } : {}),
  });
  const report = {
    stats: { expected: 1, unexpected: 1, flaky: 1 },
    suites: [
      {
        title: 'booking/search.spec.ts',
        specs: [],
        suites: [
          {
            title: 'search page',
            specs: [
              {
                title: 'finds',
                file: 'booking/search.spec.ts',
                line: 10,
                tests: [{ projectName: 'booking', status: 'expected' as const, results: [result('passed')] }],
              },
              {
                title: 'sorts',
                file: 'booking/search.spec.ts',
                line: 20,
                tests: [
                  {
                    projectName: 'booking',
                    status: 'unexpected' as const,
                    results: [result('failed', 'Error: expect(locator).toBeVisible() failed\n\nLocator: x')],
                  },
                ],
              },
              {
                title: 'pages',
                file: 'booking/search.spec.ts',
                line: 30,
                tests: [
                  {
                    projectName: 'booking',
                    status: 'flaky' as const,
                    results: [result('timedOut', 'Test timeout of 30000ms exceeded.'), result('passed')],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
    errors: [{ message: 'Error: global setup failed' }],
  };

  it('counts a flaky test as failed and names every one, with its describe titles', () => {
    expect(playwrightCounts(report)).toEqual({ passed: 1, failed: 2 });
    expect(playwrightFailures(report)).toEqual([
      {
        test: '[booking] booking/search.spec.ts:20 > search page > sorts',
        error: 'Error: expect(locator).toBeVisible() failed',
      },
      {
        test: '[booking] booking/search.spec.ts:30 > search page > pages (passed on retry)',
        error: 'Test timeout of 30000ms exceeded.',
      },
      { test: '(outside any test)', error: 'Error: global setup failed' },
    ]);
  });
});

describe('firstLine', () => {
  it('falls back when there is no message and shortens long lines', () => {
    expect(firstLine(undefined)).toBe('(no message)');
    expect(firstLine('x'.repeat(300))).toHaveLength(240);
  });
});
