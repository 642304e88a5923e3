import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { renderReadme } from "../../scripts/readmeTables";

const root = path.resolve(__dirname, "..", "..", "..");

describe("README", () => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

  it("lists every command and setting of package.json (run: node out/scripts/readmeTables.js --write)", () => {
    assert.equal(readme, renderReadme(readme, manifest));
  });

  it("starts with the demo and test commands", () => {
    const head = readme.split("\n").slice(0, 40).join("\n");
    assert.match(head, /npm run demo/);
    assert.match(head, /npm test/);
  });
});
