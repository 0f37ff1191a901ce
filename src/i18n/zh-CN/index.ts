import type { Translation } from '../message.js';
import type { catalog as en } from '../en/index.js';
import { common } from './common.js';
import { cli } from './cli.js';
import { commands } from './commands.js';
import { config } from './config.js';
import { secrets } from './secrets.js';
import { fs } from './fs.js';
import { targets } from './targets.js';
import { sync } from './sync.js';
import { importers } from './importers.js';
import { init } from './init.js';
import { doctor } from './doctor.js';
import { platform } from './platform.js';
import { proxy } from './proxy.js';
import { ui } from './ui.js';
import { tools } from './tools.js';
import { webui } from './webui.js';
import { exporting } from './exporting.js';
import { scale } from './scale.js';
import { gateway } from './gateway.js';
import { servers } from './servers.js';
import { clients } from './clients.js';

/** 全部简体中文消息。少一条或多一条，类型检查都会失败。 */
export const catalog: Translation<typeof en> = {
  ...common,
  ...cli,
  ...commands,
  ...config,
  ...secrets,
  ...fs,
  ...targets,
  ...sync,
  ...importers,
  ...init,
  ...doctor,
  ...platform,
  ...proxy,
  ...ui,
  ...tools,
  ...webui,
  ...exporting,
  ...scale,
  ...gateway,
  ...servers,
  ...clients,
};
