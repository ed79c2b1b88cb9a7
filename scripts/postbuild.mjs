// Make the CLI entry executable after tsc (npm links bin files, but a fresh clone needs the mode bit).
import { chmodSync, existsSync } from "node:fs";
if (existsSync("dist/cli.js")) chmodSync("dist/cli.js", 0o755);
