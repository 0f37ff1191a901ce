// i18n-ignore-file: example command lines shown under "Examples:" in `--help`; commands are never translated.

/** The examples each command's `--help` ends with (1–3 real command lines). */
export const EXAMPLES = {
  init: [
    'llmctl init',
    'llmctl init --yes --provider siliconflow --key-env SILICONFLOW_API_KEY --model Qwen/Qwen2.5-Coder-7B-Instruct',
    'llmctl init --yes --provider custom --api-base http://172.16.1.166:8000/v1 --model google/gemma-3-4b-it',
  ],
  import: ['llmctl import litellm ./config.yaml', 'llmctl import continue --dry-run', 'llmctl import claude'],
  keysSet: [
    'llmctl keys set siliconflow',
    'llmctl keys set zhipu --from-env ZHIPUAI_API_KEY',
    'printf \'%s\' "$KEY" | llmctl keys set vllm --stdin',
  ],
  keysList: ['llmctl keys list', 'llmctl keys list --json'],
  keysRm: ['llmctl keys rm old-provider', 'llmctl keys rm zhipu --force'],
  keysClientAdd: [
    'llmctl keys client add openwebui',
    'llmctl keys client add alice --models glm-4.6,deepseek-chat --rpm 30',
  ],
  sync: ['llmctl sync', 'llmctl sync --dry-run', 'llmctl sync --check --only litellm,claude'],
  status: ['llmctl status', 'llmctl status --json'],
  unlink: ['llmctl unlink claude --dry-run', 'llmctl unlink continue'],
  restore: ['llmctl restore --list', 'llmctl restore', 'llmctl restore 20261202-061500123-ab12'],
  serve: [
    'llmctl serve --port 5000 --detach',
    'llmctl serve --workers 4 --redis-local --detach',
    'llmctl serve --webui --detach',
  ],
  stop: ['llmctl stop', 'llmctl stop --instance b'],
  proxyInstall: [
    'llmctl proxy install',
    'PIP_INDEX_URL=https://pypi.tuna.tsinghua.edu.cn/simple llmctl proxy install',
    'llmctl proxy install --version 1.108.7 --python python3.12',
  ],
  webuiInstall: ['llmctl webui install', 'llmctl webui install --yes --python python3.12'],
  doctor: ['llmctl doctor', 'llmctl doctor --fix', 'llmctl doctor --online --json'],
  exportCompose: [
    'llmctl export compose',
    'llmctl export compose --out /srv/llm-gateway --replicas 2 --webui',
    'llmctl export compose --postgres --force',
  ],
  exportHelm: ['llmctl export helm-values', 'llmctl export helm-values --replicas 3 --redis-host redis-master:6379'],
} satisfies Record<string, string[]>;
