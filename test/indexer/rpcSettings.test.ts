/**
 * The indexed chain's RPC options (indexer/rpcSettings.ts, which indexer/settings.ts fills from ATLAS_RPC_*): a
 * local node gets many limiter budgets, a fixed eth_getLogs range and fast polling; a provider
 * keeps Ponder's adaptive limits.
 */
import { expect } from "chai";

import { LOCAL_RPC, REMOTE_RPC, rpcOptions } from "../../indexer/rpcSettings.ts";

describe("rpcOptions", function () {
  it("lists a local node's URL once per limiter budget, with a fixed range and fast polling", function () {
    const options = rpcOptions({ urls: ["http://127.0.0.1:8545"], local: true });
    expect(options.rpc).to.deep.equal(Array.from({ length: LOCAL_RPC.endpoints }, () => "http://127.0.0.1:8545"));
    expect(options.ethGetLogsBlockRange).to.equal(LOCAL_RPC.ethGetLogsBlockRange);
    expect(options.pollingInterval).to.equal(LOCAL_RPC.pollingInterval);
  });

  it("shares the budgets among several local URLs", function () {
    const options = rpcOptions({ urls: ["http://a", "http://b"], local: true, localEndpoints: 5 });
    expect(options.rpc).to.deep.equal(["http://a", "http://a", "http://a", "http://b", "http://b", "http://b"]);
  });

  it("leaves a provider's rate and range to Ponder unless a range is given", function () {
    expect(rpcOptions({ urls: ["https://rpc.example"], local: false })).to.deep.equal({
      rpc: "https://rpc.example",
      pollingInterval: REMOTE_RPC.pollingInterval,
      ethGetLogsBlockRange: undefined,
    });
    expect(
      rpcOptions({ urls: ["https://rpc.example"], local: false, ethGetLogsBlockRange: 10 }).ethGetLogsBlockRange,
    ).to.equal(10);
  });
});
