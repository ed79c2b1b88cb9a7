// The spending plan follows the months the description says money is paid out.
import { describe, expect, it } from "vitest";
import { paymentMonths } from "../../src/draft/facts.js";
import { draftOffline } from "../../src/draft/offline.js";

describe("payment months from the summary", () => {
  it("reads months next to a payment verb, and nothing else", () => {
    expect(paymentMonths("资金6月、12月分两次拨付")).toEqual([6, 12]);
    expect(paymentMonths("于3月和9月支付补助")).toEqual([3, 9]);
    expect(paymentMonths("2024年对全镇12个行政村进行清运，年底前完成")).toEqual([]);
  });

  it("turns them into a cumulative plan ending at 100", () => {
    const draft = draftOffline({
      name: "乡镇农村生活垃圾清运",
      summary: "2024年对全镇12个行政村的生活垃圾进行日常清运，预算85万元，资金6月、12月分两次拨付。",
    });
    expect(draft.project.spendingPlan).toEqual({ mar: 0, jun: 50, oct: 50, dec: 100 });
  });

  it("keeps explicit months over the summary's", () => {
    const draft = draftOffline({
      name: "乡镇农村生活垃圾清运",
      summary: "资金6月、12月分两次拨付。",
      spendingMonths: [3, 6, 10, 12],
    });
    expect(draft.project.spendingPlan).toEqual({ mar: 25, jun: 50, oct: 75, dec: 100 });
  });
});
