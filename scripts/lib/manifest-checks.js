/**
 * The project's own checks of the add-in manifest: what the XSD schemas cannot say.
 *   resids     every resid names a resource of the right kind (image, URL, short or long string)
 *   strings    resource ids are unique, and strings fit Office's length limits
 *   urls       every URL is https, and all are on one origin (the add-in's)
 *   functions  every ExecuteFunction FunctionName is registered with Office.actions.associate in
 *              src/commands, and every registered name has a button
 *   icons      every icon exists as a PNG of the size at which the manifest uses it
 *   files      every file the manifest names exists: under assets/ for manifest.xml, everything for a build
 * plus runXmllint(), the XSD check against ../shared/manifest-schemas.
 *
 * Used by scripts/validate-manifest.js (npm run validate) and by the tests in test/manifest/.
 * Each check takes a parsed manifest and returns a list of problems, each a sentence that says what is
 * wrong and where (with the manifest's line number).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

// ---------------------------------------------------------------------------------------------------
// A small XML reader: elements, attributes, text, comments, CDATA and the XML declaration, which is all
// that a manifest contains. Names keep their prefix; checks compare local names.

const ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name] ?? whole;
  });
}

/** Parses XML into { name, attrs, children, text, line } elements; throws on malformed input. */
function parseXml(xml) {
  const root = { name: "#document", attrs: {}, children: [], text: "", line: 1 };
  const stack = [root];
  let i = 0;
  let line = 1;
  const advance = (to) => {
    for (let k = i; k < to; k++) if (xml.charCodeAt(k) === 10) line++;
    i = to;
  };
  const fail = (message) => {
    throw new Error(`manifest is not well-formed XML, line ${line}: ${message}`);
  };
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt === -1) {
      if (xml.slice(i).trim()) stack[stack.length - 1].text += decodeEntities(xml.slice(i));
      break;
    }
    if (lt > i) stack[stack.length - 1].text += decodeEntities(xml.slice(i, lt));
    advance(lt);
    if (xml.startsWith("<!--", i)) {
      const end = xml.indexOf("-->", i);
      if (end === -1) fail("unclosed comment");
      advance(end + 3);
    } else if (xml.startsWith("<![CDATA[", i)) {
      const end = xml.indexOf("]]>", i);
      if (end === -1) fail("unclosed CDATA section");
      stack[stack.length - 1].text += xml.slice(i + 9, end);
      advance(end + 3);
    } else if (xml.startsWith("<?", i)) {
      const end = xml.indexOf("?>", i);
      if (end === -1) fail("unclosed processing instruction");
      advance(end + 2);
    } else if (xml.startsWith("<!", i)) {
      const end = xml.indexOf(">", i);
      if (end === -1) fail("unclosed declaration");
      advance(end + 1);
    } else if (xml.startsWith("</", i)) {
      const match = /^<\/\s*([^\s>]+)\s*>/.exec(xml.slice(i));
      if (!match) fail("malformed end tag");
      const open = stack.pop();
      if (!open || open === root || open.name !== match[1]) {
        fail(`</${match[1]}> does not close <${open && open !== root ? open.name : "nothing"}>`);
      }
      advance(i + match[0].length);
    } else {
      const match = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(i));
      if (!match) fail("malformed start tag");
      const element = { name: match[1], attrs: {}, children: [], text: "", line };
      for (const attr of match[2].matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (attr[1] in element.attrs) fail(`attribute ${attr[1]} appears twice on <${match[1]}>`);
        element.attrs[attr[1]] = decodeEntities(attr[2] ?? attr[3]);
      }
      stack[stack.length - 1].children.push(element);
      if (!match[3]) stack.push(element);
      advance(i + match[0].length);
    }
  }
  if (stack.length > 1) fail(`<${stack[stack.length - 1].name}> is never closed`);
  const elements = root.children;
  if (elements.length !== 1) fail("a document has exactly one root element");
  return elements[0];
}

const localName = (name) => name.slice(name.indexOf(":") + 1);

/** Every element under (and including) `element`, with its parent chain. */
function* walk(element, parents = []) {
  yield { element, parents };
  for (const child of element.children) yield* walk(child, [...parents, element]);
}

function parseManifest(xml) {
  return { root: parseXml(xml) };
}

// ---------------------------------------------------------------------------------------------------
// Resources

const RESOURCE_KINDS = { Images: "image", Urls: "URL", ShortStrings: "short string", LongStrings: "long string" };
const STRING_LIMITS = { "short string": 125, "long string": 250 };

/** Resource id -> { kind, value, line }, and the problems found while reading them. */
function readResources(manifest) {
  const resources = new Map();
  const problems = [];
  for (const { element, parents } of walk(manifest.root)) {
    const parent = parents[parents.length - 1];
    const group = parent && RESOURCE_KINDS[localName(parent.name)];
    const grandparent = parents[parents.length - 2];
    if (!group || !grandparent || localName(grandparent.name) !== "Resources") continue;
    const id = element.attrs.id;
    if (!id) {
      problems.push(`line ${element.line}: a ${group} resource has no id`);
      continue;
    }
    if (resources.has(id)) {
      problems.push(`line ${element.line}: resource id "${id}" is defined twice (first on line ${resources.get(id).line})`);
      continue;
    }
    resources.set(id, { kind: group, value: element.attrs.DefaultValue ?? "", line: element.line });
  }
  return { resources, problems };
}

/** The kind of resource that an element with a resid must point at. */
function expectedKind(element, parents) {
  const name = localName(element.name);
  const parent = parents.length ? localName(parents[parents.length - 1].name) : "";
  if (name === "Image") return "image";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Url"].includes(name)) return "URL";
  if (name === "Label" || name === "Title") return "short string";
  if (name === "Description" && (parent === "Supertip" || parent === "GetStarted")) return "long string";
  return null;
}

function checkResids(manifest) {
  const { resources, problems } = readResources(manifest);
  for (const { element, parents } of walk(manifest.root)) {
    const resid = element.attrs.resid;
    if (resid === undefined) continue;
    const where = `line ${element.line}: <${localName(element.name)} resid="${resid}">`;
    const resource = resources.get(resid);
    if (!resource) {
      problems.push(`${where} names no resource (define it under <Resources>)`);
      continue;
    }
    const kind = expectedKind(element, parents);
    if (kind && kind !== resource.kind) {
      problems.push(`${where} needs a ${kind} resource, but "${resid}" is a ${resource.kind} (line ${resource.line})`);
    }
    if (resid.length > 32) problems.push(`${where}: a resid is at most 32 characters`);
  }
  return problems;
}

function checkStrings(manifest) {
  const { resources, problems } = readResources(manifest);
  for (const [id, resource] of resources) {
    const limit = STRING_LIMITS[resource.kind];
    if (limit && resource.value.length > limit) {
      problems.push(`line ${resource.line}: ${resource.kind} "${id}" has ${resource.value.length} characters; Office allows ${limit}`);
    }
    if (limit && !resource.value.trim()) problems.push(`line ${resource.line}: ${resource.kind} "${id}" is empty`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// URLs

/** Every URL in the manifest: DefaultValue / Value attributes that look like URLs, and AppDomain texts. */
function collectUrls(manifest) {
  const urls = [];
  for (const { element } of walk(manifest.root)) {
    for (const attr of ["DefaultValue", "Value"]) {
      const value = element.attrs[attr];
      if (value && /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) {
        urls.push({ url: value.trim(), line: element.line, element: localName(element.name) });
      }
    }
    if (localName(element.name) === "AppDomain") {
      urls.push({ url: element.text.trim(), line: element.line, element: "AppDomain" });
    }
  }
  return urls;
}

/** The add-in's origin: that of the task pane's SourceLocation in DefaultSettings. */
function addinOrigin(manifest) {
  for (const { element, parents } of walk(manifest.root)) {
    if (localName(element.name) === "SourceLocation" && parents.some((p) => localName(p.name) === "DefaultSettings")) {
      try {
        return new URL(element.attrs.DefaultValue).origin;
      } catch {
        return null;
      }
    }
  }
  return null;
}

function checkUrls(manifest) {
  const problems = [];
  const origin = addinOrigin(manifest);
  if (!origin) problems.push("the manifest has no valid <DefaultSettings><SourceLocation DefaultValue=…>");
  for (const { url, line, element } of collectUrls(manifest)) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`line ${line}: <${element}> has a malformed URL "${url}"`);
      continue;
    }
    if (parsed.protocol !== "https:") {
      problems.push(`line ${line}: <${element}> uses ${parsed.protocol.replace(":", "")} ("${url}"); Office requires https`);
    } else if (origin && parsed.origin !== origin) {
      problems.push(`line ${line}: <${element}> points at ${parsed.origin} ("${url}"), not at the add-in's origin ${origin}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// Ribbon functions

const ASSOCIATE = /Office\s*\.\s*actions\s*\.\s*associate\s*\(\s*(["'`])([^"'`]+)\1/g;

/** Function names registered with Office.actions.associate("name", …) in the given source files. */
function associatedNames(sources) {
  const names = new Map();
  for (const [file, text] of Object.entries(sources)) {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
    for (const match of code.matchAll(ASSOCIATE)) if (!names.has(match[2])) names.set(match[2], file);
  }
  return names;
}

/** Reads every .ts/.tsx/.js file under a directory, as { relativePath: text }. */
function readSources(dir, base = dir) {
  const sources = {};
  if (!fs.existsSync(dir)) return sources;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(sources, readSources(file, base));
    else if (/\.(ts|tsx|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      sources[path.relative(base, file)] = fs.readFileSync(file, "utf8");
    }
  }
  return sources;
}

function checkFunctions(manifest, commandSources) {
  const problems = [];
  const associated = associatedNames(commandSources);
  const used = new Set();
  for (const { element } of walk(manifest.root)) {
    if (localName(element.name) !== "FunctionName") continue;
    const name = element.text.trim();
    used.add(name);
    if (!associated.has(name)) {
      problems.push(`line ${element.line}: FunctionName "${name}" is not registered with Office.actions.associate("${name}", …) in src/commands`);
    }
  }
  for (const [name, file] of associated) {
    if (!used.has(name)) problems.push(`src/commands/${file} associates "${name}", but no ExecuteFunction button in the manifest uses it`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// Icons and files

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(buffer) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buffer.length < 24 || signature.some((b, k) => buffer[k] !== b)) return null;
  if (buffer.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** The folder that the add-in's base URL maps to: URL paths are resolved against the task pane's folder. */
function baseUrl(manifest) {
  for (const { element, parents } of walk(manifest.root)) {
    if (localName(element.name) === "SourceLocation" && parents.some((p) => localName(p.name) === "DefaultSettings")) {
      try {
        return new URL(".", element.attrs.DefaultValue).href;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Maps a URL on the add-in's origin to a file under `root`, or null when it is elsewhere. */
function fileForUrl(url, base, root) {
  if (!base || !url.startsWith(base)) return null;
  const relative = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
  return path.join(root, ...relative.split("/"));
}

/** Icons and the pixel size each must have: IconUrl 32, HighResolutionIconUrl 64, bt:Image by its use. */
function iconUses(manifest) {
  const { resources } = readResources(manifest);
  const uses = [];
  for (const { element } of walk(manifest.root)) {
    const name = localName(element.name);
    if (name === "IconUrl" || name === "HighResolutionIconUrl") {
      uses.push({ url: element.attrs.DefaultValue, size: name === "IconUrl" ? 32 : 64, line: element.line, what: `<${name}>` });
    } else if (name === "Image" && element.attrs.resid !== undefined && element.attrs.size) {
      const resource = resources.get(element.attrs.resid);
      if (resource && resource.kind === "image") {
        uses.push({ url: resource.value, size: Number(element.attrs.size), line: element.line, what: `image "${element.attrs.resid}"` });
      }
    }
  }
  return uses;
}

function checkIcons(manifest, root) {
  const problems = [];
  const base = baseUrl(manifest);
  for (const { url, size, line, what } of iconUses(manifest)) {
    const file = fileForUrl(url ?? "", base, root);
    if (!file) {
      problems.push(`line ${line}: ${what} (${url}) is not served by the add-in, so its size cannot be checked`);
      continue;
    }
    const shown = path.relative(process.cwd(), file) || file;
    if (!fs.existsSync(file)) {
      problems.push(`line ${line}: ${what} needs ${shown}, which does not exist (npm run icons draws the icons)`);
      continue;
    }
    const actual = pngSize(fs.readFileSync(file));
    if (!actual) problems.push(`line ${line}: ${what}: ${shown} is not a PNG file`);
    else if (actual.width !== size || actual.height !== size) {
      problems.push(`line ${line}: ${what} is used at ${size}x${size} px, but ${shown} is ${actual.width}x${actual.height}`);
    }
  }
  return problems;
}

/**
 * Every URL on the add-in's origin names a file under `root`: for a built manifest (dist/manifest.xml),
 * all of them; for the source manifest, with `assetsOnly`, those under assets/ (pages are built by webpack).
 */
function checkFiles(manifest, root, { assetsOnly = false } = {}) {
  const problems = [];
  const base = baseUrl(manifest);
  for (const { url, line, element } of collectUrls(manifest)) {
    const file = fileForUrl(url, base, root);
    if (!file || element === "AppDomain") continue;
    if (assetsOnly && !path.relative(root, file).startsWith(`assets${path.sep}`)) continue;
    if (!fs.existsSync(file)) problems.push(`line ${line}: <${element}> names ${url}, but there is no ${path.relative(process.cwd(), file) || file}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// XSD, with xmllint

function findXmllint() {
  const result = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return result.error ? null : "xmllint";
}

/**
 * Validates against OfficeAppManifestV1_1.xsd in `schemaDir`. Resolves to
 * { status: "passed" | "failed" | "skipped", output }.
 */
function runXmllint(manifestPath, schemaDir) {
  const schema = path.join(schemaDir, "OfficeAppManifestV1_1.xsd");
  if (!fs.existsSync(schema)) return { status: "skipped", output: `no schemas in ${schemaDir}` };
  if (!findXmllint()) return { status: "skipped", output: "xmllint is not installed (apt-get install -y libxml2-utils)" };
  const result = spawnSync("xmllint", ["--noout", "--schema", schema, manifestPath], { encoding: "utf8" });
  const output = `${result.stdout}${result.stderr}`.trim();
  return { status: result.status === 0 ? "passed" : "failed", output };
}

// ---------------------------------------------------------------------------------------------------

/**
 * Runs every check on a manifest's text. `root` is the folder that the add-in's URLs map to (the
 * repository for manifest.xml: assets/ are served as /assets/); `commandsDir` holds the ribbon commands'
 * sources; `built` checks that every page exists in the build (else only files under assets/). Returns { name: problems[] } for each check.
 */
function checkManifest(xml, { root, commandsDir, built = false }) {
  const manifest = parseManifest(xml);
  const results = {
    resids: checkResids(manifest),
    strings: checkStrings(manifest),
    urls: checkUrls(manifest),
    functions: checkFunctions(manifest, readSources(commandsDir)),
    icons: checkIcons(manifest, root),
    files: checkFiles(manifest, root, { assetsOnly: !built }),
  };
  return results;
}

module.exports = {
  parseXml,
  parseManifest,
  checkResids,
  checkStrings,
  checkUrls,
  checkFunctions,
  checkIcons,
  checkFiles,
  checkManifest,
  associatedNames,
  readSources,
  pngSize,
  runXmllint,
};
