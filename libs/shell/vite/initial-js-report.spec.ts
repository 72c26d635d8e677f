import { describe, expect, it } from 'vitest';
import { initialChunks } from './initial-js-report.ts';

const chunk = (
  fileName: string,
  imports: string[] = [],
  extra: { isEntry?: boolean; facade?: string } = {},
) => ({
  type: 'chunk' as const,
  fileName,
  code: '',
  isEntry: extra.isEntry ?? false,
  facadeModuleId: extra.facade ?? null,
  imports,
});

describe('initialChunks', () => {
  it('takes the entry and the first route’s chunks with what they import, not other routes', () => {
    const chunks = [
      chunk('index.js', ['vendor.js'], { isEntry: true }),
      chunk('vendor.js'),
      chunk('AppLayout.js', ['shared.js'], { facade: '/repo/libs/shell/src/layout/AppLayout.vue' }),
      chunk('SearchPage.js', ['shared.js', 'vendor.js'], {
        facade: '/repo/apps/booking/src/features/search/SearchPage.vue',
      }),
      chunk('shared.js'),
      chunk('AccountPage.js', ['account-only.js'], {
        facade: '/repo/libs/shell/src/account/AccountPage.vue',
      }),
      chunk('account-only.js'),
    ];
    const names = initialChunks(chunks, ['layout/AppLayout.vue', 'features/search/SearchPage.vue']).map(
      (c) => c.fileName,
    );
    expect(names).toEqual(['index.js', 'vendor.js', 'AppLayout.js', 'SearchPage.js', 'shared.js']);
  });
});
