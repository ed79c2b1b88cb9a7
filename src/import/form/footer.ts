// The lines under a form, one vocabulary for every reader: notes and sources, the other-matters box, and the
// people who fill in, check and sign it (with the approval boxes of a 批复表).

/** Notes under the table (来源：…, 注：…, 附件：…). */
const NOTES = ["来源", "注", "备注", "说明", "附件"];
/** Who fills in, checks and signs the form. */
const SIGNERS = ["填报人", "填表人", "联系人", "联系电话", "审核人", "单位负责人"];
const OTHER_MATTERS = "其他需?说明的问题|其他说明";

/** A line that ends the table: a note, the other-matters box or a signer, alone or followed by a colon. */
export const FOOTER_LINE = new RegExp(`^[（(]?(?:${[...NOTES, ...SIGNERS].join("|")}|${OTHER_MATTERS})(?:[:：]|$)`);

/** A note or signer with its colon (`填报人：…`): where a field's value, or a table, stops. */
export const FOOTER_LABEL = new RegExp(`^[（(]?(?:${[...NOTES, ...SIGNERS].join("|")})[:：]`);

/** Where a page copied onto one line goes on past its table: the other-matters box or a signer with its colon. */
export const FOOTER_IN_RUN = new RegExp(`^(?:${OTHER_MATTERS}|(?:${SIGNERS.join("|")})[:：])`);

/** An approval or signature box (`财政资金管理科室(盖章) 年 月 日`, `单位负责人：`): no indicator row. */
export const APPROVAL_BOX = new RegExp(`[（(]盖章[）)]|签字|签章|^审核意见|^(?:${SIGNERS.join("|")})[:：]`);
