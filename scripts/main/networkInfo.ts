/**
 * Prints `{ "chainId": n, "url": "..." }` for the network given with --network: the main job's
 * `--network` mode uses it to reach a deployment whose RPC URL is a configuration variable.
 */
import { network } from "hardhat";

const connection = await network.create();
const chainId = Number((await connection.ethers.provider.getNetwork()).chainId);
const config = connection.networkConfig;
const url = config.type === "http" ? await config.url.get() : undefined;
console.log(JSON.stringify({ chainId, url }));
