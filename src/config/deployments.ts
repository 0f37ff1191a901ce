import type { DeploymentConfig, ModelConfig } from './schema.js';

/**
 * A model's upstream deployments: its `deployments:` list, or the one deployment its own
 * provider/apiBase/rpm/tpm describe. Every target and the proxy config read a model through this.
 */
export function deploymentsOf(model: ModelConfig): DeploymentConfig[] {
  if (model.deployments) return model.deployments;
  return [
    {
      provider: model.provider!,
      ...(model.apiBase ? { apiBase: model.apiBase } : {}),
      ...(model.rpm ? { rpm: model.rpm } : {}),
      ...(model.tpm ? { tpm: model.tpm } : {}),
    },
  ];
}
