/**
 * The subset of the `jsonschema` package Evolution validates request bodies with, reproducing its error texts:
 * each error is the schema's `description` when present, else the stack ("instance.x is not of a type(s) string")
 * with the first "instance." removed (`src/api/abstract/abstract.router.ts`).
 */
export interface JsonSchema {
  type?: "string" | "boolean" | "integer" | "number" | "object" | "array";
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: readonly unknown[];
  minLength?: number;
  pattern?: string;
  minItems?: number;
  uniqueItems?: boolean;
  items?: JsonSchema;
  /** Evolution's `isNotEmpty` helper: `then` applies only when every key of the object is one of these names. */
  if?: { propertyNames: { enum: readonly string[] } };
  then?: JsonSchema;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const typeChecks: Record<NonNullable<JsonSchema["type"]>, (value: unknown) => boolean> = {
  string: (value) => typeof value === "string",
  boolean: (value) => typeof value === "boolean",
  integer: (value) => Number.isInteger(value),
  number: (value) => typeof value === "number" && Number.isFinite(value),
  object: isObject,
  array: Array.isArray,
};

function collect(value: unknown, schema: JsonSchema, path: string, errors: string[]): void {
  if (value === undefined) return;
  const fail = (message: string) => errors.push(schema.description ?? `${path} ${message}`.replace("instance.", ""));

  for (const keyword of Object.keys(schema) as (keyof JsonSchema)[]) {
    switch (keyword) {
      case "type":
        if (!typeChecks[schema.type!](value)) fail(`is not of a type(s) ${schema.type}`);
        break;
      case "properties":
        if (isObject(value)) {
          for (const [name, child] of Object.entries(schema.properties!))
            collect(value[name], child, `${path}.${name}`, errors);
        }
        break;
      case "required":
        if (isObject(value)) {
          for (const name of schema.required!) if (value[name] === undefined) fail(`requires property "${name}"`);
        }
        break;
      case "enum":
        if (!schema.enum!.some((allowed) => allowed === value))
          fail(`is not one of enum values: ${schema.enum!.join(",")}`);
        break;
      case "minLength":
        if (typeof value === "string" && [...value].length < schema.minLength!) {
          fail(`does not meet minimum length of ${schema.minLength}`);
        }
        break;
      case "pattern":
        if (typeof value === "string" && !new RegExp(schema.pattern!).test(value)) {
          fail(`does not match pattern ${JSON.stringify(schema.pattern)}`);
        }
        break;
      case "minItems":
        if (Array.isArray(value) && value.length < schema.minItems!)
          fail(`does not meet minimum length of ${schema.minItems}`);
        break;
      case "uniqueItems":
        if (Array.isArray(value) && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) {
          fail("contains duplicate item");
        }
        break;
      case "items":
        if (Array.isArray(value))
          value.forEach((item, index) => collect(item, schema.items!, `${path}[${index}]`, errors));
        break;
      case "if": {
        const names = schema.if!.propertyNames.enum;
        const conditionHolds = !isObject(value) || Object.keys(value).every((key) => names.includes(key));
        if (conditionHolds && schema.then) collect(value, schema.then, path, errors);
        break;
      }
    }
  }
}

/** The validation messages for `value`, empty when it is valid. */
export function validate(value: unknown, schema: JsonSchema): string[] {
  const errors: string[] = [];
  collect(value, schema, "instance", errors);
  return errors;
}

/** Evolution's `isNotEmpty(...names)` schema fragment. */
export function isNotEmpty(...names: string[]): Pick<JsonSchema, "if" | "then"> {
  const properties = Object.fromEntries(
    names.map((name) => [name, { minLength: 1, description: `The "${name}" cannot be empty` } satisfies JsonSchema]),
  );
  return { if: { propertyNames: { enum: names } }, then: { properties } };
}
