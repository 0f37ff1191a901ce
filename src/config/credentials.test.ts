import { describe, expect, it } from 'vitest';
import { isCredentialParam } from './credentials.js';

describe('isCredentialParam', () => {
  it('takes a name shaped like a credential for one, in any case', () => {
    const shaped = [
      'openai_api_key',
      'my_apikey',
      'CLIENT_SECRET',
      'foo_secret_access_key',
      'foo_access_key_id',
      'db_password',
      'smtp_passwd',
      'gcp_credential',
      'gcp_credentials',
      'github_access_token',
      'x_auth_token',
      'some_session_token',
      'web_identity_token',
      'google_id_token',
      'entra_ad_token',
      'x_bearer_token',
      'oauth_refresh_token',
    ];
    expect(shaped.filter((n) => !isCredentialParam(n))).toEqual([]);
  });

  it('leaves counts, costs and look-alikes alone', () => {
    const plain = [
      'max_tokens',
      'input_cost_per_token',
      'refresh_tokens',
      'my_token',
      'idtoken',
      'token_count',
      'xapi_key',
      'api_base',
      'keyword',
      'passwords',
      'secretive',
      'model',
    ];
    expect(plain.filter((n) => isCredentialParam(n))).toEqual([]);
  });
});
