import { describe, expect, it } from 'vitest';
import { servedConfigHash } from './scale-checks.js';

const info = (rows: unknown[]) => JSON.stringify({ data: rows });
const row = (name: string, id: string, params: Record<string, unknown>) => ({
  model_name: name,
  model_info: { id },
  litellm_params: params,
});

describe('doctor: the config an instance serves, as a hash of /v1/model/info', () => {
  it('the same models in another order, with other key values, hash the same', () => {
    const a = info([row('m', 'id1', { model: 'openai/m', api_key: 'k1', rpm: 5 }), row('n', 'id2', { model: 'x' })]);
    const b = info([row('n', 'id2', { model: 'x' }), row('m', 'id1', { rpm: 5, api_key: 'k2', model: 'openai/m' })]);
    expect(servedConfigHash(a)).toBe(servedConfigHash(b));
    expect(servedConfigHash(a)).toMatch(/^[0-9a-f]{12}$/);
  });

  it('a changed param, deployment id or model name changes it; a body that is not JSON has none', () => {
    const base = servedConfigHash(info([row('m', 'id1', { model: 'openai/m', rpm: 5 })]));
    expect(servedConfigHash(info([row('m', 'id1', { model: 'openai/m', rpm: 6 })]))).not.toBe(base);
    expect(servedConfigHash(info([row('m', 'id9', { model: 'openai/m', rpm: 5 })]))).not.toBe(base);
    expect(servedConfigHash(info([row('m2', 'id1', { model: 'openai/m', rpm: 5 })]))).not.toBe(base);
    expect(servedConfigHash('<html>')).toBeUndefined();
  });
});
