// The worked examples of SPEC §5.7, §10.1 (CheckInSchema) and §10.3 (LoginSchema), verbatim.
import { describe, expect, it } from "vitest";
import { Schema } from "../../compiler/prelude/schema/index.js";

describe("SPEC §5.7 Signup example", () => {
  const Signup = Schema.object({
    email: Schema.string().required().email(),
    age: Schema.number().integer().min(18),
    plan: Schema.string().valid("free", "pro").default("free"),
    tags: Schema.array().items(Schema.string().max(20)).max(3).default([]),
  });
  it("accepts and converts", () => {
    expect(Signup.validate({ email: "a@b.co", age: "21", extra: 1 })).toStrictEqual({
      valid: true, value: { email: "a@b.co", age: 21, plan: "free", tags: [] }, errors: [],
    });
  });
  it("reports errors in depth-first order", () => {
    expect(Signup.validate({ email: "nope", age: 17.5, tags: ["x", 42] })).toStrictEqual({
      valid: false, value: null, errors: [
        '"email" must be a valid email address',
        '"age" must be an integer',
        '"tags[1]" must be a string',
      ],
    });
  });
});

describe("SPEC §10.1 CheckInSchema", () => {
  const CheckInSchema = Schema.object({
    weight: Schema.number().required().min(50).max(500),
    unit: Schema.string().valid("lbs", "kg").default("lbs"),
    mood: Schema.string().valid("great", "ok", "rough").default("ok"),
    note: Schema.string().max(280).default(""),
  });
  it("A2: converts the weight, applies defaults, drops extra", () => {
    expect(CheckInSchema.validate({ weight: "182.5", mood: "great", extra: "x" })).toStrictEqual({
      valid: true, value: { weight: 182.5, unit: "lbs", mood: "great", note: "" }, errors: [],
    });
  });
  it("A3: two errors", () => {
    expect(CheckInSchema.validate({ weight: 20, unit: "stone" })).toStrictEqual({
      valid: false, value: null, errors: ['"weight" must be at least 50', '"unit" must be one of "lbs", "kg"'],
    });
  });
  it("root rule: a null body yields the required error", () => {
    expect(CheckInSchema.validate(null).errors).toEqual(['"weight" is required']);
    expect(CheckInSchema.validate(undefined).errors).toEqual(['"weight" is required']);
  });
  it("A1 body", () => {
    expect(CheckInSchema.validate({ weight: 182 }).value).toStrictEqual({ weight: 182, unit: "lbs", mood: "ok", note: "" });
  });
});

describe("SPEC §10.3 LoginSchema", () => {
  const LoginSchema = Schema.object({
    email: Schema.string().required().email(),
    pin: Schema.string().required().pattern(/^\d{4}$/),
  });
  it("accepts a login form", () => {
    expect(LoginSchema.validate({ email: "sam@example.com", pin: "4321" })).toStrictEqual({
      valid: true, value: { email: "sam@example.com", pin: "4321" }, errors: [],
    });
  });
  it("rejects bad input", () => {
    expect(LoginSchema.validate({ email: "", pin: "12a4" }).errors).toEqual([
      '"email" is required', '"pin" has an invalid format',
    ]);
    expect(LoginSchema.validate(null).errors).toEqual(['"email" is required', '"pin" is required']);
  });
});
