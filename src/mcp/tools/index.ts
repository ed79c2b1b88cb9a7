// Every tool, one file each, registered in the order a model meets them in the workflow.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Workspace } from "../../workspace/index.js";
import * as createProject from "./create_project.js";
import * as addIndicators from "./add_indicators.js";
import * as updateIndicator from "./update_indicator.js";
import * as removeIndicators from "./remove_indicators.js";
import * as updateProject from "./update_project.js";
import * as getProject from "./get_project.js";
import * as listProjects from "./list_projects.js";
import * as validateProject from "./validate_project.js";
import * as applyFixes from "./apply_fixes.js";
import * as renderProject from "./render_project.js";
import * as importDocument from "./import_document.js";
import * as undo from "./undo.js";
import * as deleteProject from "./delete_project.js";
// >>> Drafting tools (owned by the drafting helper): draft_project.ts, suggest_indicators.ts.
// They export `register(server, workspace)` like the others. Uncomment once both files exist:
import * as draftProject from "./draft_project.js";
import * as suggestIndicators from "./suggest_indicators.js";
// <<<

export interface ToolModule {
  register(server: McpServer, workspace: Workspace): void;
}

export const TOOLS: ToolModule[] = [
  createProject,
  addIndicators,
  updateIndicator,
  removeIndicators,
  updateProject,
  getProject,
  listProjects,
  validateProject,
  applyFixes,
  renderProject,
  importDocument,
  undo,
  deleteProject,
  // >>> drafting tools
  draftProject,
  suggestIndicators,
  // <<<
];

export function registerTools(server: McpServer, workspace: Workspace): void {
  for (const tool of TOOLS) tool.register(server, workspace);
}
