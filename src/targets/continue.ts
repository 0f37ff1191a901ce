import type { Target } from './types.js';

// Placeholder until the continue target lands (issue 3): disabled, so sync writes only what is implemented.
export const continueTarget: Target = {
  name: 'continue',
  label: 'continue',
  enabled: () => false,
  plan: () => Promise.reject(new Error('not implemented')),
};
