import { currentPlatform, type Platform } from './platform/index.js';
import { resolvePaths, type Paths } from './platform/paths.js';

export interface GlobalOptions {
  config?: string;
  json?: boolean;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  lang?: string;
}

export interface Context {
  globals: GlobalOptions;
  platform: Platform;
  paths: Paths;
}

export function createContext(globals: GlobalOptions, platform: Platform = currentPlatform()): Context {
  return { globals, platform, paths: resolvePaths(platform, globals.config ? { config: globals.config } : {}) };
}
