/* The build's token inliner (scripts/lib/inline-tokens-loader.js): Fluent's tokens become their strings, nothing else changes. */
import { tokens } from "@fluentui/react-components";

const { inlineTokens } = require("../../scripts/lib/inline-tokens-loader.js") as { inlineTokens: (source: string) => string };

describe("inlineTokens", () => {
  it("writes each token a module imports as Fluent's own value", () => {
    const source = `import { makeStyles, tokens } from "@fluentui/react-components";\nconst pad = tokens.spacingHorizontalXXS;\nconst z = \`\${tokens.zIndexPopup} \${tokens.colorNeutralForeground1}\`;`;
    const out = inlineTokens(source);
    expect(out).toContain(`const pad = ${JSON.stringify(tokens.spacingHorizontalXXS)};`);
    expect(out).toContain(`\${${JSON.stringify(tokens.zIndexPopup)}}`);
    expect(out).toContain(JSON.stringify(tokens.colorNeutralForeground1));
    expect(out).not.toMatch(/tokens\.\w/);
  });

  it("leaves names Fluent does not have, and members of other objects", () => {
    const source = `import { tokens } from "@fluentui/react-theme";\nconst a = tokens.notAToken;\nconst b = theme.tokens.colorNeutralForeground1;`;
    expect(inlineTokens(source)).toBe(source);
  });

  it("leaves a module that does not import tokens, or has a tokens of its own", () => {
    const plain = `const tokens = { spacingHorizontalXXS: "1px" };\nexport const x = tokens.spacingHorizontalXXS;`;
    expect(inlineTokens(plain)).toBe(plain);
    const shadowed = `import { tokens } from "@fluentui/react-theme";\nexport const f = (tokens) => tokens.spacingHorizontalXXS;`;
    expect(inlineTokens(shadowed)).toBe(shadowed);
    const renamed = `import { tokens as t } from "@fluentui/react-theme";\nconst tokens = t;\nexport const x = tokens.spacingHorizontalXXS;`;
    expect(inlineTokens(renamed)).toBe(renamed);
  });
});
