import { readdirSync, readFileSync } from 'node:fs';
import type { Platform } from '../platform/index.js';
import { t } from '../i18n/index.js';
import { isAlive, runsProgram } from '../platform/process.js';

// One liveness check for the whole program (the lock uses it too).
export { isAlive };

/**
 * Whether the pid still is the LiteLLM we started (pids get reused after a reboot). Only Linux tells
 * cheaply (/proc); elsewhere a live pid is trusted.
 */
export function looksLikeLitellm(platform: Platform, pid: number): boolean {
  return runsProgram(platform.os, pid, 'litellm');
}

/**
 * Stops a process and everything it started. On POSIX the proxy runs in its own process group
 * (spawned detached), so one signal to -pid reaches uvicorn's workers too; Windows has taskkill /T.
 */
export async function killTree(platform: Platform, pid: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (platform.os === 'win32') {
    await platform.run('taskkill', ['/PID', String(pid), '/T', ...(signal === 'SIGKILL' ? ['/F'] : [])], {
      timeoutMs: 10_000,
    });
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Every pid in a process group (Linux /proc); used to make sure nothing is left behind. */
export function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  let names: string[];
  try {
    names = process.platform === 'linux' ? readdirSync('/proc') : [];
  } catch {
    return out;
  }
  for (const n of names) {
    if (!/^\d+$/.test(n)) continue;
    try {
      const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
      // Fields after the ")" of the command name: state ppid pgrp …
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) === pgid && rest[0] !== 'Z') out.push(Number(n));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** Sends SIGTERM to the tree, waits up to graceMs, then SIGKILL. Resolves when the leader is gone. */
export async function stopTree(
  platform: Platform,
  pid: number,
  graceMs = 10_000,
): Promise<'terminated' | 'killed' | 'gone'> {
  if (!isAlive(pid)) return 'gone';
  await killTree(platform, pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid) && (platform.os !== 'linux' || groupMembers(pid).length === 0)) return 'terminated';
    await new Promise((r) => setTimeout(r, 100));
  }
  await killTree(platform, pid, 'SIGKILL');
  const until = Date.now() + 5_000;
  while (isAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  return 'killed';
}

/** Who listens on a port, where the OS tells: "node (pid 123)". */
export async function portOwner(platform: Platform, port: number): Promise<string | undefined> {
  if (platform.os === 'linux') {
    const r = await platform.run('ss', ['-ltnpH', `sport = :${port}`], { timeoutMs: 5_000 });
    const m = /users:\(\("([^"]+)",pid=(\d+)/.exec(r.stdout);
    if (m) return t('proxy.port.owner', { command: m[1]!, pid: m[2]! });
    return undefined;
  }
  if (platform.os === 'darwin') {
    const r = await platform.run('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc'], { timeoutMs: 5_000 });
    const pid = /^p(\d+)/m.exec(r.stdout)?.[1];
    const cmd = /^c(.+)$/m.exec(r.stdout)?.[1];
    if (!pid) return undefined;
    return cmd ? t('proxy.port.owner', { command: cmd, pid }) : t('proxy.port.ownerUnknown', { pid });
  }
  if (platform.os === 'win32') {
    const r = await platform.run('netstat', ['-ano', '-p', 'TCP'], { timeoutMs: 5_000 });
    for (const line of r.stdout.split(/\r?\n/)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === 'LISTENING' && cols[1]?.endsWith(`:${port}`)) return `pid ${cols[4]}`;
    }
  }
  return undefined;
}
