/**
 * The commands doctor prints must work in the shell the user pastes them into. On Windows that is
 * PowerShell, cmd.exe or Git Bash, and they quote differently: cmd expands %VAR% even inside double
 * quotes, PowerShell expands $VAR and `-escapes inside double quotes, bash expands $ and \ inside
 * double quotes. `setx NAME "value"` is right in cmd and PowerShell alike for a plain value (a path,
 * a URL, a host list), so that is the form printed when the shell cannot be told.
 */
export type WindowsShell = 'powershell' | 'cmd' | 'bash' | 'unknown';

/**
 * Which shell started llmctl, from what each one leaves in the environment of its children:
 * Git Bash / MSYS2 set MSYSTEM; cmd.exe defines PROMPT (PowerShell does not); PowerShell puts the
 * user's own module folder (Documents\…PowerShell\Modules) first in PSModulePath, which the system
 * value alone lacks.
 */
export function detectWindowsShell(env: NodeJS.ProcessEnv): WindowsShell {
  if (env.MSYSTEM) return 'bash';
  if (env.PROMPT !== undefined) return 'cmd';
  const ps = env.PSModulePath ?? '';
  if (/\\Documents\\(Windows)?PowerShell\\Modules/i.test(ps)) return 'powershell';
  return 'unknown';
}

const single = (v: string) => `'${v.replace(/'/g, "''")}'`;
const bashSingle = (v: string) => `'${v.replace(/'/g, "'\\''")}'`;
/** cmd/setx parse "…\" as an escaped quote: a value ending in a backslash needs it doubled. */
const double = (v: string) => `"${v.replace(/\\$/, '\\\\')}"`;
/** Characters that a double-quoted value would not keep as they are in one of the shells. */
const UNSAFE_IN_DOUBLE = /[%$`"]/;

/** The command that saves a user environment variable (HKCU\Environment), for `shell`. */
export function setxFor(name: string, value: string, shell: WindowsShell = 'unknown'): string {
  if (shell === 'powershell') return `setx ${name} ${single(value)}`;
  if (shell === 'bash') return `setx ${name} ${bashSingle(value)}`;
  if (shell === 'cmd' || !UNSAFE_IN_DOUBLE.test(value)) return `setx ${name} ${double(value)}`;
  // Unknown shell and a value one of them would change: give both forms.
  return `${setxFor(name, value, 'cmd')}   (PowerShell: ${setxFor(name, value, 'powershell')})`;
}

/** The command that sets a variable for this terminal only, for `shell`. */
export function setForSession(name: string, value: string, shell: WindowsShell): string {
  if (shell === 'powershell') return `$env:${name} = ${single(value)}`;
  if (shell === 'bash') return `export ${name}=${bashSingle(value)}`;
  return `set "${name}=${value}"`;
}

/** `reg add` of one REG_SZ value under HKCU, quoted for `shell` (cmd and PowerShell agree on "…"). */
export function regAddFor(key: string, name: string, value: string, shell: WindowsShell = 'unknown'): string {
  const q = shell === 'bash' ? bashSingle : shell === 'powershell' ? single : double;
  // i18n-ignore: a command
  return `reg add ${q(key)} /v ${name} /t REG_SZ /d ${q(value)} /f`;
}
