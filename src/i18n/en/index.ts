// One import per area: each area's file is owned by the code that uses its messages.
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

/** Every English message, by id. The type of this object is the catalog's contract. */
export const catalog = {
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
