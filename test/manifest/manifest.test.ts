/**
 * The manifest checks of `npm run validate`, run on the real manifest.xml (which must pass) and on broken
 * copies of it (each of which must fail the check concerned, with a message that says where).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  associatedNames,
  checkFiles,
  checkFunctions,
  checkIcons,
  checkManifest,
  checkResids,
  checkStrings,
  checkUrls,
  parseManifest,
  parseXml,
  pngSize,
  readSources,
  runXmllint,
} from "../../scripts/lib/manifest-checks";

const repo = path.resolve(__dirname, "../..");
const manifestXml = fs.readFileSync(path.join(repo, "manifest.xml"), "utf8");
const commandSources = readSources(path.join(repo, "src/commands"));
const schemaDir = path.resolve(repo, "../shared/manifest-schemas");

/** The manifest with one exact piece of text replaced; fails loudly if the text is not there. */
function broken(from: string, to: string, xml = manifestXml): string {
  expect(xml).toContain(from);
  return xml.split(from).join(to);
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jointplan-manifest-"));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the real manifest.xml", () => {
  test("passes every project check", () => {
    const results = checkManifest(manifestXml, { root: repo, commandsDir: path.join(repo, "src/commands") });
    expect(results).toEqual({ resids: [], strings: [], urls: [], functions: [], icons: [], files: [] });
  });

  test("has the five buttons of the Joint Planning group on the Home tab", () => {
    const manifest = parseManifest(manifestXml);
    const text = JSON.stringify(manifest.root);
    expect(text).toContain('"id":"TabHome"');
    const names = [...manifestXml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(names).toEqual(["insertJapTemplate", "insertJbpTemplate", "checkPlan", "recordReview"]);
    expect(manifestXml).toContain('<Action xsi:type="ShowTaskpane">');
    expect(manifestXml).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifestXml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.8"\/>/);
  });
});

describe("resids", () => {
  test("a resid that names no resource fails, with its line", () => {
    const problems = checkResids(parseManifest(broken('<Label resid="InsertJap.Label"/>', '<Label resid="InsertJap.Lable"/>')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line \d+: <Label resid="InsertJap.Lable"> names no resource/);
  });

  test("a resid that names a resource of the wrong kind fails", () => {
    const problems = checkResids(parseManifest(broken('<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Group.Label"/>')));
    expect(problems).toEqual([expect.stringMatching(/needs a URL resource, but "Group.Label" is a short string/)]);
  });

  test("a resource defined twice fails", () => {
    const xml = broken(
      '<bt:String id="CheckPlan.Label" DefaultValue="Check plan"/>',
      '<bt:String id="CheckPlan.Label" DefaultValue="Check plan"/><bt:String id="Group.Label" DefaultValue="Again"/>',
    );
    expect(checkResids(parseManifest(xml))).toEqual([expect.stringMatching(/resource id "Group.Label" is defined twice/)]);
  });
});

describe("strings", () => {
  test("a long string over Office's 250 characters fails", () => {
    const xml = broken('DefaultValue="Check owners, dates and KPIs', `DefaultValue="${"x".repeat(240)} Check owners, dates and KPIs`);
    expect(checkStrings(parseManifest(xml))).toEqual([expect.stringMatching(/long string "CheckPlan.Tooltip" has \d+ characters; Office allows 250/)]);
  });

  test("an empty label fails", () => {
    const xml = broken('DefaultValue="Open planner"', 'DefaultValue=" "');
    expect(checkStrings(parseManifest(xml))).toEqual([expect.stringMatching(/short string "OpenPlanner.Label" is empty/)]);
  });
});

describe("urls", () => {
  test("an http URL fails", () => {
    const xml = broken('DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="http://localhost:3000/commands.html"');
    expect(checkUrls(parseManifest(xml))).toEqual([expect.stringMatching(/<Url> uses http .*Office requires https/)]);
  });

  test("a URL on another origin fails", () => {
    const xml = broken('https://localhost:3000/assets/jap-32.png', "https://cdn.example.net/jap-32.png");
    expect(checkUrls(parseManifest(xml))).toEqual([
      expect.stringMatching(/<Image> points at https:\/\/cdn.example.net .*not at the add-in's origin https:\/\/localhost:3000/),
    ]);
  });

  test("another port is another origin", () => {
    const xml = broken("<AppDomain>https://localhost:3000</AppDomain>", "<AppDomain>https://localhost:3001</AppDomain>");
    expect(checkUrls(parseManifest(xml))).toHaveLength(1);
  });
});

describe("functions", () => {
  test("the commands' sources associate exactly the manifest's functions", () => {
    expect([...associatedNames(commandSources).keys()].sort()).toEqual(["checkPlan", "insertJapTemplate", "insertJbpTemplate", "recordReview"]);
  });

  test("a FunctionName that is not associated fails", () => {
    const xml = broken("<FunctionName>checkPlan</FunctionName>", "<FunctionName>checkPlans</FunctionName>");
    const problems = checkFunctions(parseManifest(xml), commandSources);
    expect(problems).toContain(problemMatching(/FunctionName "checkPlans" is not registered with Office.actions.associate/, problems));
    expect(problems).toContain(problemMatching(/associates "checkPlan", but no ExecuteFunction button/, problems));
  });

  test("an association in a comment does not count", () => {
    const sources = { "commands.ts": '// Office.actions.associate("checkPlan", f);\n/* Office.actions.associate("insertJapTemplate", f) */' };
    expect(associatedNames(sources).size).toBe(0);
    expect(checkFunctions(parseManifest(manifestXml), sources)).toHaveLength(4);
  });
});

describe("icons", () => {
  test("reads the size of a PNG from its header, and refuses what is not a PNG", () => {
    expect(pngSize(fs.readFileSync(path.join(repo, "assets/icon-80.png")))).toEqual({ width: 80, height: 80 });
    expect(pngSize(Buffer.from("GIF89a............................"))).toBeNull();
  });

  test("a missing icon file fails", () => {
    const xml = broken("assets/check-80.png", "assets/check-96.png");
    expect(checkIcons(parseManifest(xml), repo)).toEqual([expect.stringMatching(/image "Check.80" needs .*check-96.png, which does not exist/)]);
  });

  test("an icon of the wrong pixel size fails", () => {
    const xml = broken('<bt:Image id="Jap.16" DefaultValue="https://localhost:3000/assets/jap-16.png"/>', '<bt:Image id="Jap.16" DefaultValue="https://localhost:3000/assets/jap-32.png"/>');
    expect(checkIcons(parseManifest(xml), repo)).toEqual([expect.stringMatching(/image "Jap.16" is used at 16x16 px, but .*jap-32.png is 32x32/)]);
  });

  test("the high-resolution icon must be 64 px", () => {
    const xml = broken('<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>', '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"/>');
    expect(checkIcons(parseManifest(xml), repo)).toEqual([expect.stringMatching(/<HighResolutionIconUrl> is used at 64x64 px, but .* is 80x80/)]);
  });

  test("a file that is not a PNG fails", () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, "assets"));
    for (const file of fs.readdirSync(path.join(repo, "assets"))) fs.copyFileSync(path.join(repo, "assets", file), path.join(root, "assets", file));
    fs.writeFileSync(path.join(root, "assets/icon-16.png"), "<svg/>");
    const problems = checkIcons(parseManifest(manifestXml), root);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /icon-16.png is not a PNG file/.test(p))).toBe(true);
  });
});

describe("files", () => {
  test("a missing page under assets/ fails for the source manifest", () => {
    const xml = broken("assets/support.html", "assets/help.html");
    expect(checkFiles(parseManifest(xml), repo, { assetsOnly: true })).toHaveLength(2);
  });

  test("a built manifest needs every page in the build", () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, "assets"));
    fs.writeFileSync(path.join(root, "assets/support.html"), "");
    fs.writeFileSync(path.join(root, "taskpane.html"), "");
    const problems = checkFiles(parseManifest(manifestXml), root);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /commands.html|assets\/[a-z]+-\d+\.png/.test(p))).toBe(true);
    expect(problems.some((p) => /no .*commands.html/.test(p))).toBe(true);
  });
});

describe("the production manifest", () => {
  // webpack.config.js rewrites the development origin; the result must pass the same checks.
  const { manifestForProduction } = require("../../webpack.config.js") as { manifestForProduction: (xml: string, url: string) => string };

  test("has every URL on the production origin, including a path", () => {
    const xml = manifestForProduction(manifestXml, "https://plans.contoso.com/jointplan/");
    expect(xml).not.toContain("localhost");
    expect(xml).toContain('<SourceLocation DefaultValue="https://plans.contoso.com/jointplan/taskpane.html"/>');
    expect(xml).toContain("<AppDomain>https://plans.contoso.com</AppDomain>");
    const manifest = parseManifest(xml);
    expect(checkUrls(manifest)).toEqual([]);
    expect(checkIcons(manifest, repo)).toEqual([]);
  });
});

describe("the XML reader", () => {
  test("reads elements, attributes, entities and lines", () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c -->\n<a x="1 &amp; 2">\n  <b:c y=\'&lt;\'/>t&#65;<![CDATA[<raw>]]></a>');
    expect(root.name).toBe("a");
    expect(root.attrs).toEqual({ x: "1 & 2" });
    expect(root.children[0]).toMatchObject({ name: "b:c", attrs: { y: "<" }, line: 4 });
    expect(root.text.trim()).toBe("tA<raw>");
  });

  test.each([
    ["<a><b></a>", /<\/a> does not close <b>/],
    ["<a>", /<a> is never closed/],
    ["<a x=1/>", /malformed start tag/],
    ['<a x="1" x="2"/>', /attribute x appears twice/],
    ["<a/><b/>", /exactly one root element/],
  ])("refuses malformed XML: %s", (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });
});

const xsdAvailable = fs.existsSync(path.join(schemaDir, "OfficeAppManifestV1_1.xsd"));
// In CI the schemas sit beside the clone: their absence there is a failure, not a reason to skip.
if (!xsdAvailable && process.env.CI && process.env.CI !== "false") {
  test("the XSD schemas are in ../shared/manifest-schemas", () => {
    throw new Error(`No schemas in ${schemaDir}: CI=true, so the XSD check must run`);
  });
} else if (!xsdAvailable) {
  console.warn(`\n*** XSD check SKIPPED: no schemas in ${schemaDir} ***\n`);
}
(xsdAvailable ? describe : describe.skip)("XSD (xmllint and ../shared/manifest-schemas)", () => {
  function xmllintOn(xml: string) {
    const file = path.join(tempDir(), "manifest.xml");
    fs.writeFileSync(file, xml);
    return runXmllint(file, schemaDir);
  }

  test("the real manifest passes", () => {
    expect(runXmllint(path.join(repo, "manifest.xml"), schemaDir)).toMatchObject({ status: "passed" });
  });

  test("a malformed GUID fails", () => {
    const result = xmllintOn(broken("<Id>14905a5b-d57e-4121-bd72-0ca685db6050</Id>", "<Id>not-a-guid</Id>"));
    expect(result.status).toBe("failed");
    expect(result.output).toMatch(/Id/);
  });

  test("an ExecuteFunction without a FunctionName fails", () => {
    const result = xmllintOn(broken("<FunctionName>checkPlan</FunctionName>", ""));
    expect(result.status).toBe("failed");
  });
});

function problemMatching(pattern: RegExp, problems: string[]): string {
  return problems.find((p) => pattern.test(p)) ?? `(no problem matching ${pattern})`;
}
