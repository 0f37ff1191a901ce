import { DEFAULT_LITELLM_VERSION } from '../proxy/versions.js';

/**
 * The images an export names, each pinned. LiteLLM is the release llmctl's end-to-end tests run
 * (`llmctl proxy install` installs the same one); since its move to plain version tags, every
 * release is published as `ghcr.io/berriai/litellm:vX.Y.Z` (signed with cosign).
 */
export const LITELLM_IMAGE = `ghcr.io/berriai/litellm:v${DEFAULT_LITELLM_VERSION}`;
export const LITELLM_REPOSITORY = 'ghcr.io/berriai/litellm';
export const LITELLM_TAG = `v${DEFAULT_LITELLM_VERSION}`;
export const REDIS_IMAGE = 'redis:7.4-alpine';
export const POSTGRES_IMAGE = 'postgres:16-alpine';
export const NGINX_IMAGE = 'nginx:1.27-alpine';
/** The release on PyPI the Open WebUI notes in docs/ were checked with. */
export const OPENWEBUI_IMAGE = 'ghcr.io/open-webui/open-webui:v0.12.4';
