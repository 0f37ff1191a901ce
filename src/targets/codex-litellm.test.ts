import { describe, expect, it } from 'vitest';
import type { LlmctlConfig } from '../config/schema.js';
import { responsesBridge } from './codex-litellm.js';

const config = (enabled: boolean) => ({ tools: { codex: { enabled } } }) as unknown as LlmctlConfig;

describe('responsesBridge (the LiteLLM setting Codex needs)', () => {
  it('bridges openai/ deployments to chat completions when Codex is on', () => {
    expect(responsesBridge(config(true), 'openai/deepseek-ai/DeepSeek-V3', {}, undefined)).toEqual({
      use_chat_completions_api: true,
    });
  });

  it('changes nothing while Codex is off, for other prefixes, or over the user’s own choice', () => {
    expect(responsesBridge(config(false), 'openai/x', {}, undefined)).toEqual({});
    expect(responsesBridge(config(true), 'hosted_vllm/x', {}, undefined)).toEqual({});
    expect(responsesBridge(config(true), 'openai/x', { use_chat_completions_api: false }, undefined)).toEqual({});
    expect(responsesBridge(config(true), 'openai/x', {}, { supported_endpoints: ['/v1/responses'] })).toEqual({});
    expect(responsesBridge(config(true), 'openai/gpt-5', { api_base: 'https://api.openai.com/v1' }, undefined)).toEqual(
      {},
    );
  });
});
