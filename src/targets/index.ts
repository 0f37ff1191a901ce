import type { Target, TargetName } from './types.js';

/** Targets load lazily: `sync --only litellm` never loads the Continue or Claude Code code. */
export async function loadTarget(name: TargetName): Promise<Target> {
  switch (name) {
    case 'litellm':
      return (await import('./litellm.js')).litellmTarget;
    case 'continue':
      return (await import('./continue.js')).continueTarget;
    case 'claude':
      return (await import('./claude.js')).claudeTarget;
    case 'codex':
      return (await import('./codex.js')).codexTarget;
    case 'opencode':
      return (await import('./opencode.js')).opencodeTarget;
    case 'qwen':
      return (await import('./qwen.js')).qwenTarget;
    case 'gemini':
      return (await import('./gemini.js')).geminiTarget;
    case 'openwebui':
      return (await import('./openwebui.js')).openwebuiTarget;
  }
}
