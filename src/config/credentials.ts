/**
 * Which litellm_params carry a credential. From LiteLLM's CredentialLiteLLMParams /
 * GenericLiteLLMParams (litellm/types/router.py) and the providers' own parameters; a name that
 * looks like one (…_api_key, …_secret, …_password, …_token but not cost fields) counts too, so a
 * provider LiteLLM adds later is covered. Shared by the load rules and `import litellm`.
 */
const CREDENTIAL_PARAMS = new Set([
  'api_key',
  'apikey',
  'token',
  'api_token',
  'access_token',
  'auth_token',
  'bearer_token',
  'azure_ad_token',
  'client_secret',
  'azure_password',
  'vertex_credentials',
  'vertex_ai_credentials',
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_web_identity_token',
  's3_access_key_id',
  's3_secret_access_key',
  'valkey_password',
  'anthropic_identity_token',
  'watsonx_api_key',
  'watsonx_token',
  'private_key',
  'service_account_json',
  'credentials',
]);
/** What comes before `_token` in a name that holds one (so not max_tokens or input_cost_per_token). */
const TOKEN_KINDS = 'access|auth|session|identity|id|ad|bearer|refresh';
const CREDENTIAL_SHAPE = new RegExp(
  `(^|_)(api_?key|secret|secret_access_key|access_key_id|password|passwd|credentials?|(${TOKEN_KINDS})_token)$`,
  'i',
);

export function isCredentialParam(name: string): boolean {
  return CREDENTIAL_PARAMS.has(name.toLowerCase()) || CREDENTIAL_SHAPE.test(name);
}

/** A connection URL with a password in it (postgres://user:pass@host/db, redis://:pass@host). */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]+@/i;

/**
 * A credential written as a literal in the proxy settings: a credential-named field
 * (cache_params.password, redis_password…), a connection URL with a password (database_url), or
 * the master key (llmctl sets that itself). References (secret:, env:, os.environ/) are not literals.
 */
export function isLiteralSettingsCredential(field: string, value: unknown): boolean {
  if (typeof value !== 'string' || /^(secret|env):./.test(value) || /^os\.environ\//.test(value.trim())) return false;
  return isCredentialParam(field) || field === 'master_key' || URL_WITH_PASSWORD.test(value);
}

/** litellm_params that hold HTTP headers sent upstream. */
export const HEADER_PARAMS = ['extra_headers', 'headers'] as const;

const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'ocp-apim-subscription-key',
  'cookie',
]);

/** A header whose value is a credential (Authorization, x-api-key, api-key, *-token, *-secret…). */
export function isCredentialHeader(name: string): boolean {
  const n = name.toLowerCase();
  return CREDENTIAL_HEADERS.has(n) || /(^|[-_])(api[-_]?key|key|token|secret|password|auth)$/.test(n);
}
