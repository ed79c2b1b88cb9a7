import { bare } from "./src/rules/value-common.js";
const s = ["助力承德市完成“碳达峰、碳中和”任务","平台上数据对全区“亩均效益”综合评价的指导参考作用","提高数据质量"];
for (let k=0;k<3;k++){ let t=performance.now(); let n=0; for (let i=0;i<270000;i++) n+=bare(s[i%3]).length; console.log("bare", (performance.now()-t).toFixed(0));
t=performance.now(); for (let i=0;i<270000;i++) n+=s[i%3].replace(/\s+/g,"").length; console.log("ws", (performance.now()-t).toFixed(0)); }
