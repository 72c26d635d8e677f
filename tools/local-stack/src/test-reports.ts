// Reads the JSON reports `npm test` asks vitest and Playwright for. The summary at the end of a run
// names every failed test with its first error line: a CI log is often read from its tail only.

import { stripVTControlCharacters } from 'node:util';

export interface Counts {
  passed: number;
  failed: number;
}

export interface Failure {
  test: string;
  error: string;
}

export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults?: {
    name: string;
    status?: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

interface PlaywrightSpec {
  title: string;
  file: string;
  line: number;
  tests: {
    projectName?: string;
    status: 'expected' | 'unexpected' | 'flaky' | 'skipped';
    results: { status: string; error?: { message?: string }; errors?: { message?: string }[] }[];
  }[];
}

interface PlaywrightSuite {
  title: string;
  specs?: PlaywrightSpec[];
  suites?: PlaywrightSuite[];
}

export interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number };
  suites?: PlaywrightSuite[];
  errors?: { message?: string }[];
}

// First meaningful line, without colour codes, short enough for a summary.
export function firstLine(message: string | undefined): string {
  const plain = stripVTControlCharacters(message ?? '');
  const line =
    plain
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '(no message)';
  return line.length > 240 ? `${line.slice(0, 239)}…` : line;
}

function relative(file: string, root: string): string {
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}

export function vitestCounts(report: VitestReport): Counts {
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}

export function vitestFailures(report: VitestReport, root: string): Failure[] {
  const failures: Failure[] = [];
  for (const file of report.testResults ?? []) {
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) {
      failures.push({
        test: `${relative(file.name, root)} > ${a.fullName}`,
        error: firstLine(a.failureMessages?.[0]),
      });
    }
    // A file that fails before any test runs (an import error, a failing beforeAll) has no failed test.
    if (!failed.length && file.status === 'failed') {
      failures.push({ test: relative(file.name, root), error: firstLine(file.message) });
    }
  }
  return failures;
}

export function playwrightCounts(report: PlaywrightReport): Counts {
  return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky };
}

export function playwrightFailures(report: PlaywrightReport): Failure[] {
  const failures: Failure[] = [];
  const walk = (suite: PlaywrightSuite, titles: string[]) => {
    const here = suite.title && !suite.title.endsWith('.ts') ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
        const bad = t.results.find((r) => r.status !== 'passed' && r.status !== 'skipped');
        const project = t.projectName ? `[${t.projectName}] ` : '';
        const flaky = t.status === 'flaky' ? ' (passed on retry)' : '';
        failures.push({
          test: `${project}${spec.file}:${spec.line} > ${[...here, spec.title].join(' > ')}${flaky}`,
          error: firstLine(bad?.error?.message ?? bad?.errors?.[0]?.message),
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  for (const e of report.errors ?? [])
    failures.push({ test: '(outside any test)', error: firstLine(e.message) });
  return failures;
}
