import { shouldAgreeWithTheChain } from "./agreement.behavior.ts";

describe("indexer on PostgreSQL: the API agrees with the chain", function () {
  this.timeout(600_000);
  shouldAgreeWithTheChain("postgres");
});
