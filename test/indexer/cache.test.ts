/**
 * The indexer API's per-head caching (indexer/src/api/cache.ts, responseCache.ts, state.ts), with
 * fakes in place of the database and the chain: a burst of requests costs one head read, one
 * computation per URL and one multicall per head; a new head, a reorganisation's new branch or a
 * failure is never answered from the cache; finalizing an older block keeps it.
 */
import { expect } from "chai";
import { Hono } from "hono";

import {
  coalesced,
  HeadCache,
  HeadTracker,
  type CheckpointRow,
  type HeadVersion,
} from "../../indexer/src/api/cache.ts";
import { ChainUnavailableError } from "../../indexer/src/api/errors.ts";
import { responseCache, type HeadVariables } from "../../indexer/src/api/responseCache.ts";
import { CALLS_PER_MULTICALL, readProposalStates, type MulticallClient } from "../../indexer/src/api/state.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A promise resolved from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const checkpoint = (block: number, time = 1_800_000_000 + block) =>
  `${time}${"31337".padStart(16, "0")}${String(block).padStart(16, "0")}${"9".repeat(16)}5${"9".repeat(16)}`;

describe("indexer API caching", function () {
  describe("coalesced reads of the head", function () {
    it("runs one read at a time and gives every caller a read that started after it called", async function () {
      const reads: ReturnType<typeof deferred<number>>[] = [];
      const read = coalesced(() => {
        const next = deferred<number>();
        reads.push(next);
        return next.promise;
      });
      const first = read();
      expect(reads).to.have.length(1);
      // Three callers arrive while the first read runs: they wait for the next read, which starts later.
      const waiting = [read(), read(), read()];
      expect(reads, "no second read while one runs").to.have.length(1);
      reads[0].resolve(1);
      expect(await first).to.equal(1);
      await tick();
      expect(reads, "one read for the three waiting callers").to.have.length(2);
      reads[1].resolve(2);
      expect(await Promise.all(waiting)).to.deep.equal([2, 2, 2]);
      // Idle again: a caller starts a read of its own.
      const later = read();
      expect(reads).to.have.length(3);
      reads[2].resolve(3);
      expect(await later).to.equal(3);
    });

    it("passes a failed read to its callers and reads again for the next", async function () {
      let calls = 0;
      const read = coalesced(() => (++calls === 1 ? Promise.reject(new Error("down")) : Promise.resolve(calls)));
      let failure: unknown;
      await read().catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(Error);
      expect(await read()).to.equal(2);
    });
  });

  describe("head keys", function () {
    const row = (version: string, latest: number, finalized: number): CheckpointRow => ({
      version,
      latest: checkpoint(latest),
      finalized: checkpoint(finalized),
      safe: checkpoint(finalized),
    });

    it("change with each indexed block, not when only an older block is finalized", function () {
      const tracker = new HeadTracker();
      const a = tracker.observe(row("100", 40, 10));
      expect(tracker.observe(row("100", 40, 10)).key, "the same row version").to.equal(a.key);
      const finalized = tracker.observe(row("101", 40, 11));
      expect(finalized.key, "a finalization").to.equal(a.key);
      expect(finalized.seq).to.be.greaterThan(a.seq);
      expect(tracker.observe(row("102", 41, 11)).key, "a new block").to.not.equal(a.key);
    });

    it("change when a new branch reaches the same block number at the same time (a reorganisation)", function () {
      const tracker = new HeadTracker();
      const before = tracker.observe(row("200", 40, 10));
      const after = tracker.observe(row("205", 40, 10));
      expect(after.key).to.not.equal(before.key);
    });
  });

  describe("HeadCache", function () {
    const head = (key: string, seq: number): HeadVersion => ({ key, seq });

    it("computes a value once per head, shared by concurrent callers, and again at a new head", async function () {
      const cache = new HeadCache<string>();
      let loads = 0;
      const load = async () => {
        loads += 1;
        await tick();
        return `value ${loads}`;
      };
      const burst = await Promise.all(Array.from({ length: 50 }, () => cache.get(head("a", 1), "x", load)));
      expect(new Set(burst)).to.deep.equal(new Set(["value 1"]));
      expect(loads).to.equal(1);
      expect(await cache.get(head("a", 2), "x", load), "the same head read again").to.equal("value 1");
      expect(await cache.get(head("b", 3), "x", load), "a new head").to.equal("value 2");
      expect(loads).to.equal(2);
    });

    it("keeps only the newest head: an older head's value is computed and not kept", async function () {
      const cache = new HeadCache<string>();
      await cache.get(head("new", 5), "x", () => Promise.resolve("new"));
      expect(await cache.get(head("old", 4), "x", () => Promise.resolve("old"))).to.equal("old");
      expect(await cache.get(head("new", 6), "x", () => Promise.resolve("again")), "the newest head's value").to.equal(
        "new",
      );
    });

    it("forgets a failed computation, and bounds the values kept per head", async function () {
      const cache = new HeadCache<string>(3);
      let failure: unknown;
      await cache
        .get(head("a", 1), "x", () => Promise.reject(new Error("chain down")))
        .catch((e: unknown) => (failure = e));
      expect(failure).to.be.instanceOf(Error);
      expect(await cache.get(head("a", 1), "x", () => Promise.resolve("ok"))).to.equal("ok");
      for (const name of ["y", "z", "w"]) await cache.get(head("a", 1), name, () => Promise.resolve(name));
      expect(cache.size).to.equal(3);
    });
  });

  describe("the response cache", function () {
    interface TestHead extends HeadVersion {
      readonly block: number;
    }

    function api(initial: TestHead) {
      let head = initial;
      let headReads = 0;
      const computed: string[] = [];
      let chainUp = true;
      const app = new Hono<{ Variables: HeadVariables<TestHead> }>();
      app.use(
        "*",
        responseCache<TestHead>({
          readHead: coalesced(async () => {
            headReads += 1;
            await tick();
            return head;
          }),
          skip: (path) => path.startsWith("/graphql"),
        }),
      );
      app.get("/things/:id", async (c) => {
        computed.push(c.req.path);
        await tick();
        if (c.req.param("id") === "missing") return c.json({ error: "No thing." }, 404);
        if (!chainUp) return c.json({ error: "Cannot read the chain." }, 503);
        return c.json({ id: c.req.param("id"), block: c.get("head").block });
      });
      app.get("/graphql", (c) => {
        computed.push(c.req.path);
        return c.json({ data: {} });
      });
      return {
        request: (path: string, headers: Record<string, string> = {}) =>
          Promise.resolve(app.request(path, { headers })),
        setHead: (next: TestHead) => (head = next),
        setChainUp: (up: boolean) => (chainUp = up),
        computed,
        headReads: () => headReads,
      };
    }

    it("answers a burst of 50 requests with one head read and one computation per URL", async function () {
      const server = api({ key: "k1", seq: 1, block: 7 });
      const answers = await Promise.all(Array.from({ length: 50 }, () => server.request("/things/1")));
      const bodies = await Promise.all(answers.map((a) => a.json()));
      expect(new Set(bodies.map((b) => JSON.stringify(b)))).to.deep.equal(new Set(['{"id":"1","block":7}']));
      expect(server.computed).to.deep.equal(["/things/1"]);
      expect(server.headReads()).to.be.at.most(2);
      expect(answers.map((a) => a.headers.get("x-atlas-cache")).filter((h) => h === "miss")).to.have.length(1);
      const again = await server.request("/things/1");
      expect(again.headers.get("x-atlas-cache")).to.equal("hit");
      expect(again.headers.get("content-type")).to.match(/application\/json/);
      expect(server.computed).to.have.length(1);
    });

    it("computes again at a new head, and keeps 404s but not 5xx", async function () {
      const server = api({ key: "k1", seq: 1, block: 7 });
      await server.request("/things/1");
      server.setHead({ key: "k2", seq: 2, block: 8 });
      expect(await (await server.request("/things/1")).json()).to.deep.equal({ id: "1", block: 8 });
      expect((await server.request("/things/missing")).status).to.equal(404);
      const missingAgain = await server.request("/things/missing");
      expect(missingAgain.status).to.equal(404);
      expect(missingAgain.headers.get("x-atlas-cache")).to.equal("hit");
      server.setChainUp(false);
      expect((await server.request("/things/2")).status).to.equal(503);
      server.setChainUp(true);
      const recovered = await server.request("/things/2");
      expect(recovered.status, "a 503 is not kept").to.equal(200);
      expect(server.computed).to.deep.equal(["/things/1", "/things/1", "/things/missing", "/things/2", "/things/2"]);
    });

    it("answers Cache-Control: no-cache afresh, and leaves skipped paths alone", async function () {
      const server = api({ key: "k1", seq: 1, block: 7 });
      await server.request("/things/1");
      const fresh = await server.request("/things/1", { "cache-control": "no-cache" });
      expect(fresh.headers.get("x-atlas-cache")).to.equal("bypass");
      await server.request("/graphql");
      await server.request("/graphql");
      expect(server.computed).to.deep.equal(["/things/1", "/things/1", "/graphql", "/graphql"]);
    });
  });

  describe("proposal states", function () {
    function fakeChain(states: (id: bigint) => number) {
      const calls: { count: number; blockNumber: bigint | undefined; deployless: boolean | undefined }[] = [];
      const client = {
        multicall: (parameters: {
          contracts: readonly { args?: readonly unknown[] }[];
          blockNumber?: bigint;
          deployless?: boolean;
        }) => {
          calls.push({
            count: parameters.contracts.length,
            blockNumber: parameters.blockNumber,
            deployless: parameters.deployless,
          });
          return Promise.resolve(parameters.contracts.map((c) => states(c.args![0] as bigint)));
        },
      } as unknown as MulticallClient;
      return { client, calls };
    }
    const governor = "0x00000000000000000000000000000000000000a1";

    it("reads every proposal's state in one deployless multicall at the head's block", async function () {
      const { client, calls } = fakeChain((id) => Number(id % 8n));
      const ids = Array.from({ length: 40 }, (_, i) => BigInt(i + 1));
      const states = await readProposalStates(client, governor, ids, 1234n);
      expect(calls).to.deep.equal([{ count: 40, blockNumber: 1234n, deployless: true }]);
      expect(states.get(1n)).to.equal("Active");
      expect(states.get(7n)).to.equal("Executed");
      expect(states.get(8n)).to.equal("Pending");
    });

    it("splits a large read into multicalls of CALLS_PER_MULTICALL", async function () {
      const { client, calls } = fakeChain(() => 1);
      const ids = Array.from({ length: CALLS_PER_MULTICALL * 2 + 1 }, (_, i) => BigInt(i + 1));
      expect((await readProposalStates(client, governor, ids, 9n)).size).to.equal(ids.length);
      expect(calls.map((c) => c.count)).to.deep.equal([CALLS_PER_MULTICALL, CALLS_PER_MULTICALL, 1]);
    });

    it("reads the chain once per head for any number of concurrent requests", async function () {
      const { client, calls } = fakeChain(() => 1);
      const cache = new HeadCache<ReadonlyMap<bigint, string>>();
      const statesAt = (head: HeadVersion & { block: bigint }) =>
        cache.get(head, "all", () => readProposalStates(client, governor, [1n, 2n, 3n], head.block));
      await Promise.all(Array.from({ length: 100 }, () => statesAt({ key: "k1", seq: 1, block: 10n })));
      await Promise.all(Array.from({ length: 100 }, () => statesAt({ key: "k2", seq: 2, block: 11n })));
      expect(calls.map((c) => c.blockNumber)).to.deep.equal([10n, 11n]);
    });

    it("answers a failed read as the chain being unavailable (503, retryable)", async function () {
      const client = {
        multicall: () => Promise.reject(new Error("connect ECONNREFUSED\nmore")),
      } as unknown as MulticallClient;
      let failure: unknown;
      await readProposalStates(client, governor, [1n], 1n).catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(ChainUnavailableError);
      expect((failure as ChainUnavailableError).message).to.equal(
        "Cannot read proposal states from the chain: connect ECONNREFUSED",
      );
      expect((failure as ChainUnavailableError).status).to.equal(503);
    });
  });
});
