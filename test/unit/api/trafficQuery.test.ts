import * as assert from "node:assert/strict";
import { trafficSearchParams } from "../../../src/core/api/trafficQuery";

describe("traffic query building", () => {
  it("sends every spec parameter in spec order and skips empty ones", () => {
    const params = trafficSearchParams({
      end_date: "2026-01-02T00:00:00Z",
      start_date: "2026-01-01T00:00:00Z",
      search: " Alice ",
      direction: "INGRESS",
      connection_type: "P2P",
      type: "TYPE_DROP",
      protocol: 6,
      destination_id: "dst",
      source_id: "src",
      reporter_id: "rep",
      user_id: "usr",
      page_size: 500,
      page: 2,
    });
    assert.equal(
      params.toString(),
      "page=2&page_size=500&user_id=usr&reporter_id=rep&source_id=src&destination_id=dst&protocol=6&type=TYPE_DROP&connection_type=P2P&direction=INGRESS&search=+Alice+&start_date=2026-01-01T00%3A00%3A00Z&end_date=2026-01-02T00%3A00%3A00Z",
    );
  });

  it("leaves out undefined, blank and non-finite values", () => {
    assert.equal(trafficSearchParams({ user_id: "  ", search: "", protocol: Number.NaN, page: 1 }).toString(), "page=1");
    assert.equal(trafficSearchParams({ protocol: 0 }).toString(), "protocol=0");
  });
});
