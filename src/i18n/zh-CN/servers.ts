import type { Translation } from '../message.js';
import type { servers as en } from '../en/servers.js';

/** 简体中文：servers 部分。术语见 docs/glossary.zh-CN.md。 */
export const servers: Translation<typeof en> = {
  // init 选项
  'servers.oneBaseOnly': (p) => `--api-base 给了 ${p.n} 次，但 ${p.preset} 不是自己运行的模型服务`,
  'servers.oneBaseOnlyHint':
    '多个 --api-base 用于同一个 vLLM、TGI、Ollama 或自定义服务的多个实例；托管的供应商只给一个',
  'servers.sameBaseTwice': (p) => `--api-base ${p.url} 给了两次`,
  'servers.sameBaseTwiceHint': '每个实例只给一次（同一个实例给两次会分到双倍的请求）',

  // 各实例提供的模型
  'servers.instanceServes': (p) => `${p.url} 提供 ${p.n} 个模型：${p.served}`,
  'servers.notOnInstances': (p) => `${p.urls} 没有提供 ${p.model}`,
  'servers.notOnInstancesHint':
    '用这个模型启动该服务（vLLM：--served-model-name；Ollama：ollama pull），或检查 base URL',
  'servers.onSome': (p) => `${p.of} 个实例中的 ${p.n} 个`,

  // 向导
  'servers.askBaseUrls': (p) => `Base URL（${p.hint}；同一模型的多个实例：用空格分隔多个 URL）`,
  'servers.badUrls': (p) => `${p.value} 不是 URL：请以 http:// 或 https:// 开头`,
  'servers.sameUrlTwice': (p) => `${p.url} 重复了`,
  'servers.askV1All': (p) => `${p.urls} 不以 /v1 结尾。要加上吗？`,
  'servers.v1AddAll': '每个都加上 /v1',
  'servers.v1KeepAll': '保持原样',
  'servers.instances': (p) =>
    `${p.provider}：${p.n} 个实例；每个模型在每个实例上各有一个部署，代理把请求分摊到这些实例。`,

  // doctor --online
  'servers.checkTitle': (p) => `模型服务 ${p.provider}（${p.url}）`,
  'servers.cannotList': (p) => `${p.url}：${p.reason}`,
  'servers.deadFix': (p) =>
    `启动这个实例，或在 llmctl.yaml 中改正它的 base URL；在此期间代理会把它的模型（${p.names}）发给其他实例（如果有）`,
  'servers.notServing': (p) => `${p.url} 没有提供 ${p.missing}；它提供的是 ${p.served}`,
  'servers.notServingFix': (p) =>
    p.preset === 'ollama'
      ? '在那台机器上 ollama pull 这个模型，或在 llmctl.yaml 中把模型 ID（`model:`）改成它提供的模型'
      : '用这个模型启动该服务（vLLM：--served-model-name），或在 llmctl.yaml 中把模型 ID（`model:`）改成它提供的模型',
};
