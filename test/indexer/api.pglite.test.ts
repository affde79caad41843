import { shouldAgreeWithTheChain } from "./agreement.behavior.ts";

describe("indexer on PGlite: the API agrees with the chain", function () {
  this.timeout(600_000);
  shouldAgreeWithTheChain("pglite");
});
