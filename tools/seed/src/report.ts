// A seed run as a developer reads it: time, rows per table, and the accounts to sign in with.
import type { LoadCounts } from './load.ts';
import type { SeedReport } from './seed.ts';

export function formatReport(report: SeedReport): string {
  const cells = (values: (string | number)[]) => values.map((v) => String(v).padStart(9)).join(' ');
  const row = (table: string, values: (string | number)[]) => `  ${table.padEnd(26)} ${cells(values)}`;
  const lines = [
    '',
    `Seeded the ${report.scale} data set (seed ${report.seed}) in ${report.seconds.toFixed(1)} s`,
    row('table', ['generated', 'inserted', 'present']),
    ...(Object.keys(report.generated) as (keyof LoadCounts)[]).map((t) =>
      row(t, [report.generated[t], report.inserted[t], report.present[t]]),
    ),
    `  published practitioners: ${report.published} of ${report.generated.practitioners}`,
    '',
    '  Demo accounts (every seeded user has this password too):',
    ...report.demoAccounts.map(
      (a) => `    ${a.role.padEnd(13)} ${a.email.padEnd(34)} ${a.password}   (${a.app} app)`,
    ),
    '',
  ];
  return lines.join('\n') + '\n';
}
