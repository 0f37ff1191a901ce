import { UsageError } from '../errors.js';

/**
 * Every question llmctl asks goes through here. Nothing prompts without a TTY on stdin:
 * the caller gets a UsageError naming the flag that answers the question instead.
 */
export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env.CI !== 'true';
}

export function requireInteractive(flag: string): void {
  if (!isInteractive()) throw new UsageError(`this needs an answer and there is no terminal to ask in`, `pass ${flag}`);
}

/** A yes/no question; `yes` answers it; without a TTY the answer is no. */
export function confirmFn(yes: boolean): (question: string) => Promise<boolean> {
  return async (message) => {
    if (yes) return true;
    if (!isInteractive()) return false;
    const { confirm } = await import('@inquirer/prompts');
    return confirm({ message, default: true });
  };
}

export async function askSecret(message: string): Promise<string> {
  const { password } = await import('@inquirer/prompts');
  return password({ message, mask: '*' });
}
