// A new user's first hour (issue 10), end to end: the README's quick start in a fresh home, then the
// wizard in a real terminal replacing the seed with their own keyless vLLM box (a fake on 127.0.0.1),
// the proxy started from the wizard, a model added to llmctl.yaml and synced, every model answering
// through the real LiteLLM, the real Claude Code and Continue CLI answering through it, doctor all PASS.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED, llmctl, runProgram, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort } from '../helpers/litellm.js';
import { killTmux, question, start } from '../helpers/tmux.js';
import { clientEnv, ensureClients } from '../helpers/tools.js';

let sb: Sandbox | undefined;
let vllm: FakeUpstream | undefined;
afterAll(async () => {
  if (sb) await llmctl(sb, ['stop']);
  await vllm?.close();
  killTmux();
});

const chat = (port: number, key: string, model: string) =>
  fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
  });

describe('the first hour', () => {
  it(
    'quick start → wizard with a keyless vLLM → serve → ' + 'add a model → sync → clients answer → doctor all PASS',
    async () => {
      const clients = ensureClients();
      vllm = await startFakeUpstream({ name: 'gpu-box', models: ['gemma-3', 'qwen-chat', 'qwen-coder'] });
      sb = sandbox({ LLMCTL_LITELLM: await ensureLitellm() });
      const port = await freePort();

      // 1. The README's quick start, as printed there (from a clone: the seed LiteLLM config).
      const imported = await llmctl(sb, ['import', 'litellm', path.join(SEED, 'litellm.config.yaml')]);
      expect(imported.code, imported.stderr).toBe(0);
      const synced = await llmctl(sb, ['sync']);
      expect(synced.code, synced.stderr).toBe(0);
      const quickStartLines = (imported.stderr + synced.stderr).trim().split('\n').length;
      console.info(`quick start: ${quickStartLines} lines printed`);

      // 2. The wizard: the seed's providers go, the user's own vLLM box comes (no key: vLLM needs none).
      const t = start(sb, 'first-hour');
      await question(t, 'Remove a provider?');
      expect(t.screen()).toContain('Already set up: 6 providers');
      t.type('y');
      t.press('Enter');
      await question(t, 'Providers to remove');
      t.press('a', 'Enter'); // all six
      await question(t, 'Provider (type to search)');
      t.type('vllm');
      await t.waitFor(/❯ vLLM \(self-hosted\)/);
      t.press('Enter');
      await question(t, 'Base URL');
      t.type(`${vllm.url}/v1`);
      t.press('Enter');
      await question(t, 'Name for this provider');
      t.type('gpu');
      t.press('Enter');
      await question(t, 'API key for gpu');
      t.press('Enter'); // suggested: no key
      await question(t, 'List the models gpu offers');
      t.press('Enter');
      await question(t, 'Models to use (3 found');
      t.press('Down', 'Space', 'Down', 'Space', 'Enter'); // qwen-chat, qwen-coder
      for (const q of ['Give any of them a shorter name', 'Add another provider?', 'Which tools']) {
        await question(t, q);
        t.press('Enter');
      }
      await question(t, 'Claude Code: main model');
      t.press('Enter'); // qwen-chat
      await question(t, 'Claude Code: model for background calls');
      t.press('Enter');
      await question(t, 'Continue: chat model');
      t.press('Enter');
      await question(t, 'Continue: autocomplete (FIM) model');
      t.press('Enter'); // suggested: qwen-coder
      await question(t, 'Proxy port');
      t.type(String(port));
      t.press('Enter');
      await question(t, "Mark Claude Code's onboarding as done");
      t.press('Enter');
      await question(t, 'Write these files?');
      t.press('Enter');
      await question(t, `Start the proxy now on port ${port}?`);
      t.press('Down', 'Enter'); // in the background
      const end = await t.waitFor('EXIT=', 170_000);
      expect(end).toContain('EXIT=0');
      expect(vllm.requests.some((r) => r.path === '/v1/models')).toBe(true);

      const secrets = () =>
        JSON.parse(readFileSync(path.join(sb!.llmctlHome, 'secrets.json'), 'utf8')).secrets as Record<string, string>;
      const key = secrets().proxy!;
      const r1 = await chat(port, key, 'qwen-chat');
      expect(r1.status, await r1.clone().text()).toBe(200);
      expect(vllm.chats().at(-1)!.body.model).toBe('qwen-chat');

      // 3. A model added to the source of truth, then `sync`: the running proxy follows.
      const file = path.join(sb.llmctlHome, 'llmctl.yaml');
      const doc = parseDocument(readFileSync(file, 'utf8'));
      doc.addIn(['models'], doc.createNode({ name: 'gemma', provider: 'gpu', model: 'gemma-3' }));
      writeFileSync(file, doc.toString());
      const sync = await llmctl(sb, ['sync', '--yes']);
      expect(sync.code, sync.stderr).toBe(0);
      expect(sync.stderr).toMatch(/Restarted the proxy/);
      const r2 = await chat(port, key, 'gemma');
      expect(r2.status, await r2.clone().text()).toBe(200);
      expect(JSON.stringify(await r2.json())).toContain(vllm.reply);
      expect(vllm.chats().at(-1)!.body.model).toBe('gemma-3');
      expect(readFileSync(path.join(sb.home, '.continue', 'config.yaml'), 'utf8')).toContain('name: gemma');

      // 4. The real clients, configured only by llmctl, answer through the proxy.
      const env = clientEnv(sb.home);
      const before = vllm.chats().length;
      const c = await runProgram(clients.claude, ['-p', 'hi', '--output-format', 'json'], {
        env,
        cwd: sb.dir,
        timeoutMs: 150_000,
      });
      expect(c.code, `claude: ${c.stderr}\n${c.stdout}`).toBe(0);
      expect(JSON.parse(c.stdout).result).toContain(vllm.reply);
      expect(
        vllm
          .chats()
          .slice(before)
          .some((q) => q.body?.model === 'qwen-chat'),
      ).toBe(true);
      const config = path.join(sb.home, '.continue', 'config.yaml');
      const n = await runProgram(clients.cn, ['-p', 'hi', '--config', config], {
        env,
        cwd: sb.dir,
        timeoutMs: 150_000,
      });
      expect(n.code, `cn: ${n.stderr}\n${n.stdout}`).toBe(0);
      expect(n.stdout).toContain(vllm.reply);
      // No provider key anywhere: the upstream saw only llmctl's placeholder, never the proxy key.
      for (const q of vllm.chats()) expect(JSON.stringify(q.headers)).not.toContain(key);

      // 5. doctor: every check passes (with Claude Code on PATH, as the user who installed it has it;
      // the Windows checks are skipped on Linux, and so are the tools this user did not turn on).
      const doctor = await llmctl(sb, ['doctor', '--json'], {
        env: { PATH: `${path.dirname(clients.claude)}${path.delimiter}${process.env.PATH}` },
      });
      const checks = (JSON.parse(doctor.stdout) as { checks: { id: string; status: string; message?: string }[] })
        .checks;
      expect(
        checks.filter(
          (x) =>
            x.status !== 'PASS' &&
            !(
              x.status === 'SKIP' &&
              (x.id === 'windows' || /^(target|tools)\.(codex|opencode|qwen|gemini|openwebui)\b|^webui\./.test(x.id))
            ),
        ),
        doctor.stdout,
      ).toEqual([]);
      expect(doctor.code).toBe(0);
    },
    900_000,
  );
});
