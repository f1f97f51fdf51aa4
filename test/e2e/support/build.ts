/**
 * Builds the add-in's pages with the project's own webpack.config.js into a folder of our choosing:
 * the end-to-end tests use a development build (it has the preview page), the bundle benchmark a
 * production one. `adjust` may change the config (the benchmark's baseline page).
 */
import * as path from "path";

const REPO = path.resolve(__dirname, "../../..");

type WebpackConfig = Record<string, unknown> & { output: Record<string, unknown> };

export async function buildPages(
  outDir: string,
  mode: "development" | "production",
  adjust: (config: WebpackConfig) => WebpackConfig = (c) => c,
  env: Record<string, string> = {},
): Promise<void> {
  const webpack = require(path.join(REPO, "node_modules/webpack")) as (config: unknown) => {
    run(cb: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: unknown): string }) => void): void;
    close(cb: () => void): void;
  };
  const configure = require(path.join(REPO, "webpack.config.js")) as (env: unknown, argv: unknown) => Promise<WebpackConfig>;
  const base = await configure(env, { mode });
  const config = adjust({ ...base, context: REPO, output: { ...base.output, path: outDir }, infrastructureLogging: { level: "error" } });
  const compiler = webpack(config);
  await new Promise<void>((resolve, reject) => {
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(`webpack build failed:\n${stats.toString({ all: false, errors: true, errorDetails: true })}`));
      resolve();
    });
  });
}
