import { defineConfig } from "vite";

/**
 * A static page: `vite build` writes dist/, to be served together with an `/atlas.config.json`
 * (see README.md). Relative asset URLs let it be served from any path.
 */
export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
  },
});
