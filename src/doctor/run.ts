import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { COMMON_CHECKS } from './checks.js';
import { gatherFacts, type Facts } from './facts.js';
import { type Check, type DoctorReport, type FixResult, summarize } from './types.js';
import { windowsChecks } from './windows.js';

export interface DoctorOptions {
  online?: boolean;
  /** For tests: pretend to run on this Node version. */
  nodeVersion?: string;
}

/** Runs every check on freshly gathered facts. Never writes anything. */
export async function diagnose(
  platform: Platform,
  paths: Paths,
  options: DoctorOptions = {},
): Promise<{ facts: Facts; checks: Check[] }> {
  const facts = await gatherFacts(platform, paths, options.nodeVersion);
  const checks = [...COMMON_CHECKS.flatMap((c) => c(facts)), ...(await windowsChecks(facts))];
  if (options.online) {
    const { onlineChecks } = await import('./online.js');
    checks.push(...(await onlineChecks(facts)));
  }
  return { facts, checks };
}

export function report(platform: Platform, checks: Check[], fixes?: FixResult[]): DoctorReport {
  return {
    version: 1,
    platform: platform.os,
    ok: !checks.some((c) => c.status === 'FAIL'),
    summary: summarize(checks),
    checks,
    ...(fixes ? { fixes } : {}),
  };
}
