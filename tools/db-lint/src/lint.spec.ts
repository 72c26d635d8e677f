import { describe, expect, it } from 'vitest';
import { exposedSchemas } from './lint.ts';

describe('exposedSchemas', () => {
  it('reads [api] schemas from supabase/config.toml, with the CLI default otherwise', () => {
    expect(exposedSchemas('[api]\nschemas = ["public", "api"]\n')).toEqual(['public', 'api']);
    expect(exposedSchemas('[db]\nport = 1\n')).toEqual(['public', 'graphql_public']);
    expect(exposedSchemas(null)).toEqual(['public', 'graphql_public']);
  });
});
