// The wizard on @inquirer/testing's shared `screen` (its vitest style): @inquirer/prompts is mocked
// by importing @inquirer/testing/vitest first, and the flow runs with the same terminal prompter the
// command uses.
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { loadPresets } from '../config/presets.js';
import { terminalPrompter } from '../ui/prompt.js';
import { newDraft } from './draft.js';
import { runWizard, type WizardDeps } from './wizard.js';

async function deps(over: Partial<WizardDeps> = {}): Promise<WizardDeps> {
  return {
    prompt: terminalPrompter(),
    presets: await loadPresets(),
    env: {},
    draft: newDraft(),
    storedSecrets: new Set(),
    found: [],
    listModels: async () => ({
      ok: true,
      models: ['glm-4-flash', 'glm-4-plus'],
      url: 'https://open.bigmodel.cn/api/paas/v4/models',
    }),
    say: () => {},
    ...over,
  };
}

/** The screen settles after async work (search filtering, listing models): wait until it shows `text`. */
async function until(text: string): Promise<string> {
  for (let i = 0; i < 20 && !screen.getScreen().includes(text); i++) await screen.next();
  const s = screen.getScreen();
  expect(s).toContain(text);
  return s;
}

describe('init wizard (screen)', () => {
  it('goes from an empty draft to Zhipu with a hidden key, two models and both tools', async () => {
    const done = runWizard(await deps());
    await until('Provider (type to search)');
    screen.type('zhipu');
    await until('Zhipu BigModel (智谱)');
    screen.keypress('enter');
    await until('API key for Zhipu BigModel (智谱)');
    screen.keypress('enter');
    await until('Key');
    screen.type('zk-typed-key-123456');
    // The key is masked on screen.
    expect(screen.getScreen()).not.toContain('zk-typed');
    screen.keypress('enter');
    await until('List the models zhipu offers?');
    screen.keypress('enter');
    await until('2 found');
    screen.keypress('a'); // all
    screen.keypress('enter');
    await until('shorter name');
    screen.keypress('enter');
    await until('Add another provider?');
    screen.keypress('enter');
    await until('Which tools');
    screen.keypress('enter');
    await until('Claude Code: main model');
    screen.keypress('enter');
    await until('background calls');
    screen.keypress('down');
    screen.keypress('enter');
    await until('Continue: chat model');
    screen.keypress('enter');
    await until('autocomplete (FIM) model');
    screen.keypress('enter'); // none
    await until('Proxy port');
    screen.keypress('enter');
    const draft = await done;
    expect(draft.secrets).toEqual({ zhipu: 'zk-typed-key-123456' });
    expect(draft.config.models.map((m) => m.name)).toEqual(['glm-4-flash', 'glm-4-plus']);
    expect(draft.config.tools?.claude).toMatchObject({ model: 'glm-4-flash', haikuModel: 'glm-4-plus' });
    expect(draft.config.models.some((m) => m.roles?.includes('autocomplete'))).toBe(false);
    expect(draft.config.proxy?.port).toBe(4000);
  });

  it('Ctrl-C at a question ends the flow with the error the entry point turns into exit 130', async () => {
    const done = runWizard(await deps());
    await until('Provider (type to search)');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});
