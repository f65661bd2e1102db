import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sandbox, out } from "./harness.js";

const sb = new Sandbox();
beforeAll(() => sb.load());
afterAll(() => sb.dispose());

describe("smoke", () => {
  it("runs a unit and reports a var effect", async () => {
    const r = await sb.run({ units: [out("1 + 1")] });
    expect(r.effects).toEqual([{ t: "var", key: "out", value: 2 }]);
  });
});
