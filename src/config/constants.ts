/** Constants shared with code that must not load zod (the sync path on a cache hit). */
export const KEY_REF_PATTERN = /^(secret:[A-Za-z0-9][A-Za-z0-9_.-]*|env:[A-Za-z_][A-Za-z0-9_]*)$/;
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const ROLES = ['chat', 'autocomplete', 'embed', 'rerank', 'edit', 'apply', 'summarize'] as const;
