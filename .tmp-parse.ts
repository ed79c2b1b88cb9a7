import { parseValue } from "./src/domain/value.js";
for (const v of process.argv.slice(2)) console.log(v, JSON.stringify(parseValue(v, { level2: "时效指标" })));
