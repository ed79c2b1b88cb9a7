// Tool arguments that do not fit a tool's input schema, reported in Chinese with the field's path. The SDK
// validates before our handler runs and words the failure in English ("Input validation error: Invalid input:
// expected string, received undefined at projectId"); its validateToolInput is replaced on the server
// instance so the model reads which argument to fix, in the language of every other message.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { z } from "zod";
import { describeIssue, jsonPath } from "../import/json.js";

/** The largest number of issues listed in one message; the rest are counted. */
const LISTED_ISSUES = 3;

interface ToolWithSchema {
  inputSchema?: z.ZodType;
}

type Validator = (tool: ToolWithSchema, args: unknown, toolName: string) => Promise<unknown>;

/** One line per issue: `projectId 缺少（应为文本）`, `indicators[0].value 应为文本`. */
export function argumentIssues(toolName: string, issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, LISTED_ISSUES).map((issue) => {
    const path = jsonPath(issue.path).replace(/^\$\.?/, "") || "参数";
    const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
    return missing ? `${path} 缺少（必填，${describeIssue(issue)}）` : `${path} ${describeIssue(issue)}`;
  });
  const more = issues.length > LISTED_ISSUES ? `（另有 ${issues.length - LISTED_ISSUES} 处）` : "";
  return `工具 ${toolName} 的参数有误：${lines.join("；")}${more}。请按工具说明中的参数格式改正后重试`;
}

export function chineseInputErrors(server: McpServer): void {
  const target = server as unknown as { validateToolInput: Validator };
  const original = target.validateToolInput.bind(server);
  target.validateToolInput = async (tool, args, toolName) => {
    const schema = tool.inputSchema;
    if (schema && typeof schema.safeParseAsync === "function") {
      const parsed = await schema.safeParseAsync(args ?? {});
      if (!parsed.success) throw new Error(argumentIssues(toolName, parsed.error.issues));
    }
    // The SDK's own checks (argument size limits, raw shapes) still run.
    return original(tool, args, toolName);
  };
}
