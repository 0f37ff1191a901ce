import type { Target } from './types.js';

// Placeholder until the claude target lands (issue 3): disabled, so sync writes only what is implemented.
export const claudeTarget: Target = {
  name: 'claude',
  label: 'claude',
  enabled: () => false,
  plan: () => Promise.reject(new Error('not implemented')),
};
