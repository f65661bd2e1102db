// Public entry of the template parser: parseTemplate(text, { file, kind }) → { ast, diagnostics }.
export { parseTemplate, type ParseTemplateOptions, type ParseTemplateResult } from "./parse.js";
export type * from "./ast.js";
