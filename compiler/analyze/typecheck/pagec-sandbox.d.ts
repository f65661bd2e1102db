// pagec sandbox API — bundle format 1
interface PagecRequest {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly protocol: "http" | "https";
  readonly query: { readonly [key: string]: string | readonly string[] };
  readonly headers: {
    readonly "user-agent"?: string;
    readonly referer?: string;
    readonly "accept-language"?: string;
    readonly host?: string;
  };
  readonly body: any;
  readonly ip: string;
  readonly ip6: string | null;
  readonly cookies: { readonly [name: string]: string };
  readonly is_mobile: boolean;
  readonly is_tablet: boolean;
  readonly route_params: { readonly [name: string]: string } | null;
  readonly route_slug: string | null;
}

interface PagecResponse {
  /** Integer 100–599; applies to json(), send() and the rendered page. Returns the response for chaining. */
  status(code: number): PagecResponse;
  /** Terminal: sends JSON and ends the script. */
  json(data: unknown): never;
  /** Terminal: sends HTML (or the Content-Type set with setHeader) and ends the script. */
  send(body: unknown): never;
}

interface PagecCookieOptions {
  maxAge?: number;
  path?: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: "Lax" | "Strict" | "None";
}
interface PagecCookie {
  set(name: string, value: string | number | boolean, options?: PagecCookieOptions): boolean;
  delete(name: string, options?: { path?: string }): boolean;
}

interface PagecCustomer {
  readonly email: string;
  readonly name?: string;
  readonly first_name?: string;
  readonly last_name?: string;
  readonly id?: string | number;
}
interface PagecCustomerFields {
  email: string;
  name?: string;
  first_name?: string;
  last_name?: string;
  id?: string | number;
}
interface PagecSession {
  get(key: string): any;
  set(key: string, value: unknown): boolean;
  setCustomer(fields: PagecCustomerFields): boolean;
  clearCustomer(): boolean;
  getToken(ttlSeconds?: number): Promise<string | null>;
  setFromToken(token: string): Promise<boolean>;
}

interface PagecConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

type CrmValue = string | number | boolean | object;
interface CrmRef {
  slug?: string;
  crmEntitySlug?: string;
  crm_entity_slug?: string;
  referenceType?: string | null;
  reference_type?: string | null;
  referenceId?: string | number | null;
  reference_id?: string | number | null;
}
interface CrmFieldRef extends CrmRef { fieldKey?: string; field_key?: string }
interface CrmEntry {
  id: string;
  reference_type: string;
  reference_id: string;
  values_flat: { [key: string]: any };
  created_at: string;
  updated_at: string;
}

interface SchemaResult { valid: boolean; value: any; errors: string[] }
interface SchemaBase<S> {
  required(): S;
  optional(): S;
  default(value: unknown): S;
  label(name: string): S;
  valid(...values: Array<string | number | boolean | null>): S;
  strip(): S;
  custom(fn: (value: any, label: string) => string | undefined | void): S;
  validate(data: unknown): SchemaResult;
}
interface StringSchema extends SchemaBase<StringSchema> {
  min(n: number): StringSchema;
  max(n: number): StringSchema;
  email(): StringSchema;
  url(): StringSchema;
  pattern(re: RegExp): StringSchema;
  lowercase(): StringSchema;
}
interface NumberSchema extends SchemaBase<NumberSchema> {
  min(n: number): NumberSchema;
  max(n: number): NumberSchema;
  integer(): NumberSchema;
  positive(): NumberSchema;
  negative(): NumberSchema;
}
interface BooleanSchema extends SchemaBase<BooleanSchema> {}
interface ArraySchema extends SchemaBase<ArraySchema> {
  min(n: number): ArraySchema;
  max(n: number): ArraySchema;
  items(rule: AnySchemaRule): ArraySchema;
}
interface ObjectSchema extends SchemaBase<ObjectSchema> {
  pattern_values(rule: AnySchemaRule): ObjectSchema;
}
interface AnySchema extends SchemaBase<AnySchema> {}
type AnySchemaRule = StringSchema | NumberSchema | BooleanSchema | ArraySchema | ObjectSchema | AnySchema;
interface PagecSchemaFactory {
  string(): StringSchema;
  number(): NumberSchema;
  boolean(): BooleanSchema;
  array(): ArraySchema;
  object(shape?: { [key: string]: AnySchemaRule }): ObjectSchema;
  any(): AnySchema;
}

declare const request: PagecRequest;
declare const response: PagecResponse;
declare const cookie: PagecCookie;
declare const session: PagecSession;
declare const console: PagecConsole;
declare const is_customer: boolean;
declare const customer: PagecCustomer | null;
declare const Schema: PagecSchemaFactory;

/** Terminal. url: "/path" (not "//"), "http://…" or "https://…". */
declare function redirect(url: string, status?: number): never;
declare function setHeader(name: string, value: string | number): boolean;
declare function setVariable(key: string, value: unknown): void;
declare function getVariable(key: string): any;
declare function getCustomer(): PagecCustomer | null;
declare function getSessionItem(key: string): string | number;
declare function setSessionItem(key: string, value: unknown): void;
declare function clearSessionItem(key: string): void;

declare function getCrmEntries(options: CrmRef & { limit?: number }): CrmEntry[];
declare function getCrmField(options: CrmFieldRef): any;
declare function getCrmFields(options: CrmRef & { fieldKeys: string[] }): { [key: string]: any };
declare function getCrmFieldValues(options: CrmFieldRef & { limit?: number }): any[];
declare function setCrmField(options: CrmFieldRef & { value: CrmValue; force?: boolean; async?: boolean }): boolean;
declare function setCrmFields(options: CrmRef & {
  fields: Array<{ fieldKey?: string; field_key?: string; value: CrmValue }>;
  force?: boolean;
  async?: boolean;
}): boolean;
declare function addCrmFieldValue(options: CrmFieldRef & { value: CrmValue; async?: boolean }): boolean;
declare function clearCrmEntries(options: CrmRef & { async?: boolean }): { ok: boolean; deleted: number };
