// Public face of the template expression language: parse (PC1020/PC1021/PC2006), table checks, tree walking
// for name resolution, and JavaScript code generation.
export type * from "./ast.js";
export { parseExpression, type ParseResult, type ParseOptions } from "./parse.js";
export { checkExpression, type CheckContext } from "./check.js";
export { compileExpression, isRawOutput, stripTrailingRaw } from "./codegen.js";
export { visitIdentifiers, memberPath, pathText, walk, children, type PathSegment } from "./walk.js";
export { checkDateFormat, type DateFormatProblem } from "./date-format.js";
export { PLATFORM_FUNCTIONS } from "./platform-functions.js";
export type { ExprError } from "./errors.js";
