/**
 * Serves the built governance page (app/dist) and its runtime configuration `/atlas.config.json`
 * on 127.0.0.1. Static files only; anything outside the folder is refused.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";

import type { AtlasAddresses } from "../../sdk/src/index.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

export interface PageConfig {
  readonly chainId: number;
  readonly rpcUrl: string;
  readonly indexerUrl: string;
  readonly addresses: AtlasAddresses;
}

export function servePage(root: string, config: PageConfig, port: number): Promise<Server> {
  const base = path.resolve(root);
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      if (url.pathname === "/atlas.config.json") {
        response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
        response.end(JSON.stringify(config));
        return;
      }
      const file = path.resolve(base, `.${url.pathname === "/" ? "/index.html" : decodeURIComponent(url.pathname)}`);
      if (!file.startsWith(base + path.sep)) {
        response.writeHead(403).end("forbidden");
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
        response.end(body);
      } catch {
        response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
