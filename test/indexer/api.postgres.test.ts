import { shouldAgreeWithTheChain } from "./agreement.behavior.ts";
import { startPostgres, type PostgresCluster } from "./harness.ts";

describe("indexer on PostgreSQL: the API agrees with the chain", function () {
  this.timeout(600_000);
  let cluster: PostgresCluster | undefined;
  shouldAgreeWithTheChain({
    kind: "postgres",
    async start() {
      cluster = await startPostgres();
      return cluster.url;
    },
    async stop() {
      await cluster?.stop();
      cluster = undefined;
    },
  });
});
