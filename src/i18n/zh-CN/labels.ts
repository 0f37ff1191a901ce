/**
 * The files llmctl writes are labelled in English where the label is data (`status --json`, backup
 * manifests, the write steps of the fault tests); the Chinese messages that print a label say it in
 * Chinese through this table. A label missing here prints as it is (a product name reads the same).
 */
const LABELS: Record<string, string> = {
  'LiteLLM config': 'LiteLLM 配置文件',
  'LiteLLM proxy key check': 'LiteLLM 代理密钥校验模块',
  'Continue config': 'Continue 配置文件',
  'Claude Code settings': 'Claude Code 设置文件',
  'Claude Code state (~/.claude.json)': 'Claude Code 状态文件（~/.claude.json）',
  'llmctl state': 'llmctl 状态文件',
  'Codex CLI config': 'Codex CLI 配置文件',
  'opencode config': 'opencode 配置文件',
  'opencode proxy key file': 'opencode 代理密钥文件',
  'Qwen Code settings': 'Qwen Code 设置文件',
  'Gemini CLI settings': 'Gemini CLI 设置文件',
};

export function zhLabel(label: string): string {
  return LABELS[label] ?? label;
}
