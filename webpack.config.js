/**
 * Builds the add-in's pages into dist/:
 *   taskpane.html  the task pane (src/taskpane/index.tsx)
 *   commands.html  the ribbon's function file (src/commands/commands.ts)
 *   notice.html    the small dialog in which ribbon commands report what they did (src/commands/notice.ts)
 *   preview.html   development only: the real task pane against the simulated workbook (preview/, never in a production build)
 *   assets/, manifest.xml, and office-js/ (a local copy of office.js) where it is self-hosted.
 *
 * `webpack --mode production` replaces the development origin in the manifest with package.json
 * config.prod_url (or `--env prod_url=https://…/`). office.js: development builds and the dev server load
 * the local copy from @microsoft/office-js, so nothing is fetched from a CDN; production builds reference
 * Microsoft's CDN, as Office add-ins are expected to (`--env office_js=local` self-hosts it instead).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { chooseDevServerProtocol, httpFallbackMessage } = require("./scripts/lib/dev-server-protocol");
const packageJson = require("./package.json");

const DEV_URL = packageJson.config.dev_url; // https://localhost:3000/
const DEV_ORIGIN = new URL(DEV_URL).origin;
const PORT = Number(process.env.npm_package_config_dev_server_port || packageJson.config.dev_server_port || 3000);
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";
const PREVIEW_ENTRY = path.resolve(__dirname, "preview/index.tsx");
const PREVIEW_TEMPLATE = path.resolve(__dirname, "preview/preview.html");
const INLINE_TOKENS_LOADER = path.resolve(__dirname, "scripts/lib/inline-tokens-loader.js");

/** Normalises the production URL: https, ending with a slash. */
function productionUrl(env) {
  const raw = env.prod_url || packageJson.config.prod_url;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`config.prod_url is not a URL: "${raw}". Set it with: npm pkg set config.prod_url=https://your.host/`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`config.prod_url must use https (Office loads add-ins over https only): "${raw}"`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Rewrites the manifest's development URLs to the production URL. */
function manifestForProduction(xml, prodUrl) {
  const prodOrigin = new URL(prodUrl).origin;
  return xml.split(DEV_URL).join(prodUrl).split(DEV_ORIGIN).join(prodOrigin);
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const selfHostOfficeJs = dev || env.office_js === "local";
  const officeJs = selfHostOfficeJs ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
  const prodUrl = dev ? null : productionUrl(env);
  if (prodUrl && /\.example\.com\//.test(prodUrl)) {
    console.warn(`\nwarning: config.prod_url is still the example ${prodUrl}; set the real one with npm pkg set config.prod_url=https://…/\n`);
  }
  const withPreview = dev && fs.existsSync(PREVIEW_ENTRY);

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
    notice: "./src/commands/notice.ts",
  };
  if (withPreview) entry.preview = PREVIEW_ENTRY;

  const page = (name, template) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [name], officeJs });

  const plugins = [
    page("taskpane", "./src/taskpane/taskpane.html"),
    page("commands", "./src/commands/commands.html"),
    page("notice", "./src/commands/notice.html"),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/*.png", to: "assets/[name][ext]" },
        { from: "assets/*.html", to: "assets/[name][ext]" },
        {
          from: "manifest.xml",
          to: "manifest.xml",
          transform: (content) => (dev ? content : manifestForProduction(content.toString(), prodUrl)),
        },
        // The dev server serves office.js straight from node_modules (see devServer.static).
        ...(selfHostOfficeJs && !serving
          ? [
              {
                from: "**/*",
                context: OFFICE_JS_DIR,
                to: "office-js/",
                info: { minimized: true }, // already minified: keep Terser away from 15 MB of it
                globOptions: {
                  ignore: [
                    "**/*.debug.js",
                    "**/*vsdoc*",
                    "**/*.d.ts",
                    "**/{access,onenote,outlook,outlookwebapp,powerpoint,powerpointios,project,word,wordios,visio}*",
                  ],
                },
              },
            ]
          : []),
      ],
    }),
  ];
  if (withPreview) {
    plugins.push(
      fs.existsSync(PREVIEW_TEMPLATE)
        ? page("preview", PREVIEW_TEMPLATE)
        : new HtmlWebpackPlugin({ filename: "preview.html", chunks: ["preview"], title: "JointPlan preview" }),
    );
  }

  const config = {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry,
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // Loaders run bottom-up: last, Fluent's tokens read at run time become their strings (below).
            { loader: INLINE_TOKENS_LOADER },
            // Griffel's loader computes our makeStyles calls at build time,
            // as Fluent's own packages ship them, so the CSS-in-JS compiler (stylis, rtl-css-js) stays
            // out of the bundle (bench/bundle.bench.ts).
            { loader: "@griffel/webpack-loader" },
            // Type checking is `npm run typecheck`; the build only transpiles.
            { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } } },
          ],
        },
        {
          // Fluent's components read a few tokens at run time, which would keep the whole tokens object
          // (about 3 KB gzipped) in the bundle; written as strings at build time, it drops out.
          test: /[\\/]node_modules[\\/]@fluentui[\\/][^\\/]+[\\/]lib[\\/].*\.js$/,
          use: [{ loader: INLINE_TOKENS_LOADER }],
        },
      ],
    },
    plugins,
    // Production relies on webpack's defaults: process.env.NODE_ENV "production" (React's production
    // build), usedExports, sideEffects (package.json "sideEffects" lets unused re-exports of
    // src/excel/commandApi.ts drop out of the task pane's first chunk) and module concatenation.
    // A budget on our own scripts (raw bytes; taskpane.js is about 550 KB): the bundle benchmark
    // (npm run bench -- bundle) holds the real, gzipped target.
    performance: dev
      ? { hints: false }
      : { hints: "warning", maxAssetSize: 650_000, maxEntrypointSize: 650_000, assetFilter: (file) => /\.js$/.test(file) && !file.startsWith("office-js/") },
  };

  if (serving) {
    const choice = await chooseDevServerProtocol();
    if (choice.protocol === "http") console.warn(httpFallbackMessage(choice.reason, PORT));
    config.devServer = {
      port: PORT,
      host: "localhost",
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: choice.protocol === "https" ? { type: "https", options: choice.options } : { type: "http" },
      static: [{ directory: OFFICE_JS_DIR, publicPath: "/office-js", watch: false }],
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
};

module.exports.manifestForProduction = manifestForProduction;
