// Expression syntax tree (SPEC §3.4): the contract between the expression parser, the analysis and codegen.
// Offsets (start/end) are absolute offsets in the template file.

interface Base { start: number; end: number }

export interface Literal extends Base { type: "Literal"; value: string | number | boolean | null }
export interface Identifier extends Base { type: "Identifier"; name: string }
export interface Member extends Base {
  type: "Member";
  object: Expr;
  /** `a.b`: computed=false and property is an Identifier (any IdentifierName, reserved words included). `a[e]`: computed=true. */
  property: Expr;
  computed: boolean;
}
export interface Call extends Base { type: "Call"; callee: Identifier; args: Expr[] }
export interface ArrayLit extends Base { type: "Array"; elements: Expr[] }
export interface Property extends Base {
  /** The key as a string (identifier names, string literals and numbers are all normalised to their string). */
  key: string;
  keyStart: number;
  keyEnd: number;
  value: Expr;
  shorthand: boolean;
}
export interface ObjectLit extends Base { type: "Object"; properties: Property[] }
export interface Unary extends Base { type: "Unary"; operator: "!" | "-"; argument: Expr; /** as written: "!", "not", "-" */ written: string }
export type BinaryOperator = "==" | "!=" | "===" | "!==" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/" | "%";
export interface Binary extends Base {
  type: "Binary";
  /** Normalised JavaScript operator ("eq" → "==", "lt" → "<", ...). */
  operator: BinaryOperator;
  /** As written, e.g. "eq" or "<". */
  written: string;
  opStart: number;
  opEnd: number;
  left: Expr;
  right: Expr;
}
export interface Logical extends Base {
  type: "Logical";
  operator: "&&" | "||";
  written: string;
  opStart: number;
  opEnd: number;
  left: Expr;
  right: Expr;
}
export interface Conditional extends Base { type: "Conditional"; test: Expr; consequent: Expr; alternate: Expr }
export interface Filter extends Base {
  type: "Filter";
  /** The value the filter applies to. */
  input: Expr;
  name: string;
  nameStart: number;
  nameEnd: number;
  args: Expr[];
}

export type Expr = Literal | Identifier | Member | Call | ArrayLit | ObjectLit | Unary | Binary | Logical | Conditional | Filter;
