// Binary operator tables of SPEC §3.4.3, tightest last: token text (symbol or word) → normalised JS operator.
import type { BinaryOperator } from "./ast.js";

const OR_OPS = new Map<string, "||">([["||", "||"], ["or", "||"]]);
const AND_OPS = new Map<string, "&&">([["&&", "&&"], ["and", "&&"]]);
const EQUALITY_OPS = new Map<string, BinaryOperator>([["==", "=="], ["!=", "!="], ["===", "==="], ["!==", "!=="], ["eq", "=="], ["neq", "!="]]);
const RELATIONAL_OPS = new Map<string, BinaryOperator>([["<", "<"], ["<=", "<="], [">", ">"], [">=", ">="], ["lt", "<"], ["lte", "<="], ["gt", ">"], ["gte", ">="]]);
const ADDITIVE_OPS = new Map<string, BinaryOperator>([["+", "+"], ["-", "-"]]);
const MULTIPLICATIVE_OPS = new Map<string, BinaryOperator>([["*", "*"], ["/", "/"], ["%", "%"]]);

/** Levels 3–8, loosest first; all left-associative. */
export const BINARY_LEVELS: ReadonlyMap<string, string>[] = [OR_OPS, AND_OPS, EQUALITY_OPS, RELATIONAL_OPS, ADDITIVE_OPS, MULTIPLICATIVE_OPS];
/** The first LOGICAL_LEVELS levels build Logical nodes (operand-returning `&&`/`||`); the rest build Binary. */
export const LOGICAL_LEVELS = 2;
