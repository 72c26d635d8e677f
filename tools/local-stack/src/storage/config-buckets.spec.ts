import { describe, expect, it } from 'vitest';
import { storageSettingsFromToml } from './config-buckets.ts';
import { DEFAULT_GLOBAL_LIMIT } from './size.ts';

describe('[storage] in config.toml', () => {
  it('reads the global cap and every declared bucket', () => {
    const settings = storageSettingsFromToml(`
project_id = "carebook"
[storage]
enabled = true
file_size_limit = "20MiB"

[storage.buckets.avatars]
public = true
file_size_limit = "2MiB"
allowed_mime_types = ["image/png", "image/jpeg"]

[storage.buckets.diplomas]
public = false
`);
    expect(settings.globalLimit).toBe(20 * 1024 * 1024);
    expect(settings.buckets).toEqual([
      {
        id: 'avatars',
        public: true,
        fileSizeLimit: 2 * 1024 * 1024,
        allowedMimeTypes: ['image/png', 'image/jpeg'],
      },
      { id: 'diplomas', public: false, fileSizeLimit: null, allowedMimeTypes: null },
    ]);
  });

  it('defaults to hosted cap and no buckets', () => {
    expect(storageSettingsFromToml('[auth]\nsite_url = "http://x"')).toEqual({
      globalLimit: DEFAULT_GLOBAL_LIMIT,
      buckets: [],
    });
  });

  it('names the offending setting', () => {
    expect(() => storageSettingsFromToml('[storage.buckets.a]\nallowed_mime_types = "image/png"')).toThrow(
      /\[storage\.buckets\.a\]\.allowed_mime_types/,
    );
    expect(() => storageSettingsFromToml('[storage.buckets.a]\nfile_size_limit = "huge"')).toThrow(/huge/);
  });
});
