#!/usr/bin/env node
// jixiao CLI: thin commands over the service layer. Each command lives in src/commands/.
import { Command } from "commander";
import { registerImport } from "./commands/import.js";
import { registerCheck } from "./commands/check.js";
import { registerRender } from "./commands/render.js";
import { registerDraft } from "./commands/draft.js";
import { registerServe } from "./commands/serve.js";
import { registerProjects } from "./commands/projects.js";
import { registerHistory } from "./commands/history.js";
import { registerExport } from "./commands/export.js";
import { registerFix } from "./commands/fix.js";
import { packageVersion } from "./paths.js";
import { chineseHelp, runMain, usageErrors } from "./commands/common.js";

const program = chineseHelp(usageErrors(new Command()), packageVersion());
program.name("jixiao").description("预算绩效目标表：检查、导入、生成表格、起草（MCP 服务器与命令行）");

registerImport(program);
registerCheck(program);
registerFix(program);
registerRender(program);
registerDraft(program);
registerServe(program);
registerProjects(program);
registerHistory(program);
registerExport(program);

runMain(() => program.parseAsync(process.argv));
