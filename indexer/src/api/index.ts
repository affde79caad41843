/**
 * The indexer's HTTP API: Ponder's GraphQL (/graphql) and SQL over HTTP (/sql/*) over the schema,
 * REST routes for the web app (/proposals, /proposals/:id, /accounts/:address), the Sovereign
 * Graph's (graph.ts) and the capital layer's (capital.ts). Bigints are decimal strings; errors answer `{ error, retryable }` (see
 * errors.ts). The REST answers are cached per indexed head (responseCache.ts) and the chain is
 * read at most once per head (perBlock.ts).
 */
import { db } from "ponder:api";
import schema, { account, proposal, vote } from "ponder:schema";
import { Hono, type Context } from "hono";
import { asc, client, eq, graphql } from "ponder";
import type { Address } from "viem";

import capital from "./capital.ts";
import { ApiError, NotFoundError, type ErrorBody } from "./errors.ts";
import graph, { readAccountGraph } from "./graph.ts";
import { accountJson, proposalJson, voteJson } from "./json.ts";
import { parseAddress, parseProposalId } from "./parse.ts";
import { headOf, proposalStatesAt, readHead, type ApiEnv } from "./perBlock.ts";
import { responseCache } from "./responseCache.ts";

const app = new Hono<ApiEnv>();

app.use("/graphql", graphql({ db, schema }));
app.use("/sql/*", client({ db, schema }));
app.use("*", responseCache({ readHead, skip: (path) => path.startsWith("/graphql") || path.startsWith("/sql/") }));

app.get("/proposals", async (c) => {
  const head = await headOf(c);
  const rows = await db.select().from(proposal).orderBy(asc(proposal.createdBlock), asc(proposal.id));
  const states = await proposalStatesAt(
    head,
    rows.map((row) => row.id),
  );
  return c.json({
    blockNumber: head.blockNumber.toString(),
    proposals: rows.map((row) => proposalJson(row, states.get(row.id)!)),
  });
});

app.get("/proposals/:id", async (c) => {
  const id = parseProposalId(c.req.param("id"));
  const head = await headOf(c);
  const [row] = await db.select().from(proposal).where(eq(proposal.id, id));
  if (row === undefined) throw new NotFoundError(`No proposal ${id} has been indexed.`);
  const [votes, states] = await Promise.all([
    db.select().from(vote).where(eq(vote.proposalId, id)).orderBy(asc(vote.blockNumber), asc(vote.logIndex)),
    proposalStatesAt(head, [id]),
  ]);
  return c.json({
    blockNumber: head.blockNumber.toString(),
    proposal: proposalJson(row, states.get(id)!),
    votes: votes.map(voteJson),
  });
});

app.get("/accounts/:address", async (c) => {
  const address = parseAddress(c.req.param("address"));
  const key = address.toLowerCase() as Address;
  const [[row], votes, graphPart] = await Promise.all([
    db.select().from(account).where(eq(account.address, key)),
    db.select().from(vote).where(eq(vote.voter, key)).orderBy(asc(vote.blockNumber), asc(vote.logIndex)),
    readAccountGraph(address),
  ]);
  return c.json({ ...accountJson(address, row, votes), ...graphPart });
});

app.route("/", graph);
app.route("/", capital);

app.onError((error, c) => errorResponse(error, c));

function errorResponse(error: Error, c: Context) {
  if (error instanceof ApiError) {
    if (error.retryable) c.header("Retry-After", "1");
    return c.json({ error: error.message, retryable: error.retryable } satisfies ErrorBody, error.status);
  }
  // Anything else is a fault of the indexer's database: a client may retry.
  console.error(error);
  return c.json({ error: "Internal error while reading the index.", retryable: true } satisfies ErrorBody, 500);
}

export default app;
