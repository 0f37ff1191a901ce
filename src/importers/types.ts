import type { z } from 'zod';
import type { Problem } from '../errors.js';
import type {
  ClaudeTool,
  CodexTool,
  ContinueTool,
  GeminiTool,
  Model,
  OpencodeTool,
  Provider,
  ProxySection,
  QwenTool,
} from '../config/schema.js';

/**
 * What an importer found in a tool's config, in llmctl.yaml terms. Importers are pure (text in,
 * result out); src/importers/merge.ts adds a result to llmctl.yaml without duplicating anything
 * and stores `secrets` in the secrets store.
 */
export interface ImportResult {
  tool: 'litellm' | 'continue' | 'claude' | 'codex' | 'opencode' | 'qwen' | 'gemini';
  /** The imported file. */
  source: string;
  /** Proposed providers by name; apiKey refers to `secret:<name>` when a real key was found. */
  providers: Record<string, z.input<typeof Provider>>;
  models: z.input<typeof Model>[];
  /** Real-looking keys found in the file: secret name → value. Never written to llmctl.yaml. */
  secrets: Record<string, string>;
  proxy?: Partial<z.input<typeof ProxySection>>;
  tools?: {
    continue?: Partial<z.input<typeof ContinueTool>>;
    claude?: Partial<z.input<typeof ClaudeTool>>;
    codex?: Partial<z.input<typeof CodexTool>>;
    opencode?: Partial<z.input<typeof OpencodeTool>>;
    qwen?: Partial<z.input<typeof QwenTool>>;
    gemini?: Partial<z.input<typeof GeminiTool>>;
  };
  /**
   * Providers whose key in the file was a placeholder (or empty): their apiKey is only a guess, so a
   * merge may reuse an existing provider with the same preset and apiBase whatever its key.
   */
  placeholderKeys?: string[];
  /**
   * Names in `secrets` to store although llmctl.yaml will not refer to them: what the tool held before
   * llmctl took it over (Claude Code's token), so that `llmctl unlink` can give it back.
   */
  keep?: string[];
  /** Placeholder or empty keys, unknown settings, dropped fields… each with file:line and a hint. */
  warnings: Problem[];
}

/** Where Claude Code's own token is kept when llmctl's proxy key replaces it (see ImportResult.keep). */
export const BEFORE_TOKEN = 'claude-token-before-llmctl';
