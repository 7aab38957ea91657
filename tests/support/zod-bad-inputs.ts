import { randomUUID } from "node:crypto";
import fc from "fast-check";
import superjson from "superjson";
import { z } from "zod";

type Schema = z.core.$ZodType;
type Path = (string | number)[];

const defOf = (schema: Schema) =>
  (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;

/** The string and number bounds zod reports for a leaf (through its JSON Schema, the public view of checks). */
function boundsOf(schema: Schema): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema as z.ZodType, { unrepresentable: "any", io: "input" }) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function sampleString(schema: Schema): string {
  const bounds = boundsOf(schema);
  const format = bounds.format as string | undefined;
  if (format === "uuid") return randomUUID();
  if (format === "email") return "pessoa@example.com";
  if (format === "uri" || format === "url") return "https://example.com/a";
  if (format === "date-time") return new Date().toISOString();
  const min = Number(bounds.minLength ?? 1);
  const max = Number(bounds.maxLength ?? Math.max(min, 8));
  return "a".repeat(Math.min(Math.max(min, 3), max));
}

function sampleNumber(schema: Schema): number {
  const bounds = boundsOf(schema);
  const min = bounds.minimum ?? (typeof bounds.exclusiveMinimum === "number" ? bounds.exclusiveMinimum + 1 : undefined);
  const max = bounds.maximum ?? (typeof bounds.exclusiveMaximum === "number" ? bounds.exclusiveMaximum - 1 : undefined);
  if (typeof min === "number") return min;
  if (typeof max === "number") return Math.min(max, 1);
  return 1;
}

/**
 * A plausible valid value for a zod schema, walked from its definition (optional fields filled in, so each
 * can be spoilt on its own). Not guaranteed valid (refinements, patterns): callers only use it as the
 * shape that one bad field is put into, and keep a candidate only when the schema refuses it.
 */
export function sampleOf(schema: Schema): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "nonoptional":
    case "readonly":
    case "catch":
      return sampleOf(def.innerType as Schema);
    case "default":
    case "prefault":
      return sampleOf(def.innerType as Schema);
    case "string":
      return sampleString(schema);
    case "number":
      return sampleNumber(schema);
    case "bigint":
      return 1n;
    case "boolean":
      return true;
    case "date":
      return new Date();
    case "enum":
      return Object.values(def.entries as Record<string, unknown>)[0];
    case "literal":
      return (def.values as unknown[])[0];
    case "object":
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, Schema>).map(([key, value]) => [key, sampleOf(value)]),
      );
    case "array": {
      const min = Number(boundsOf(schema).minItems ?? 1);
      return Array.from({ length: Math.max(min, 1) }, () => sampleOf(def.element as Schema));
    }
    case "tuple":
      return (def.items as Schema[]).map(sampleOf);
    case "union":
      return sampleOf((def.options as Schema[])[0]!);
    case "intersection":
      return { ...(sampleOf(def.left as Schema) as object), ...(sampleOf(def.right as Schema) as object) };
    case "pipe":
      return sampleOf(def.in as Schema);
    case "lazy":
      return sampleOf((def.getter as () => Schema)());
    case "record":
      return {};
    case "null":
      return null;
    case "undefined":
    case "void":
      return undefined;
    default:
      return "x";
  }
}

/** Every path into a value down to its leaves (object keys and the first item of arrays). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...(value.length ? pathsOf(value[0], [...prefix, 0]) : [])];
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return [prefix, ...Object.entries(value).flatMap(([key, inner]) => pathsOf(inner, [...prefix, key]))];
  }
  return [prefix];
}

function replaced(value: unknown, path: Path, next: unknown, remove = false): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && remove) {
    if (Array.isArray(copy)) (copy as unknown[]).splice(head as number, 1);
    else delete copy[head!];
    return copy;
  }
  copy[head!] = replaced(copy[head!], rest, next, remove);
  return copy;
}

const junkWords = [
  "",
  " ",
  "\u0000",
  "\uFFFF\uFFFE",
  "\uD800",
  "💥🇧🇷𝕏\u200B\u202E",
  "Ação; DROP TABLE contacts;--",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "{{constructor.constructor('x')()}}",
  "../../../etc/passwd",
  "__proto__",
  "00000000-0000-0000-0000-00000000000g",
  "NaN",
  "-1",
  "9".repeat(400),
];

/**
 * A value of any kind a field might wrongly get: the other JSON types, numbers at and past every edge,
 * huge strings (`hugeLength` characters, smaller for GET queries), unicode junk and injection attempts.
 */
export function junkValue(hugeLength: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...junkWords),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.nat({ max: 64 }).map((n) => "ç".repeat(hugeLength + n)),
    fc.nat({ max: 64 }).map((n) => "💩".repeat(hugeLength / 2 + n)),
    fc.integer(),
    fc.constantFrom(-1, 0, -0, 0.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom([], {}, [null], { "": null }),
    fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null)), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 6 })), { maxKeys: 4 }),
    fc.date({ noInvalidDate: true }),
  );
}

/** What the server receives after the browser's superjson encoding and JSON (undefined keys vanish). */
export function overTheWire(value: unknown): unknown {
  return superjson.deserialize(JSON.parse(JSON.stringify(superjson.serialize(value))));
}

/**
 * Inputs a procedure's schema refuses: the whole input replaced by junk, one field of a plausible input
 * spoilt, or one field left out. Only candidates the schema itself refuses (as they arrive) are kept, so
 * each is bad by the procedure's own definition.
 */
export function badInputsFor(schema: Schema, hugeLength: number): fc.Arbitrary<unknown> {
  const base = sampleOf(schema);
  const paths = pathsOf(base);
  const leafPaths = paths.filter((p) => p.length > 0);
  const spoilt = fc
    .tuple(fc.constantFrom(...paths), junkValue(hugeLength))
    .map(([path, junk]) => replaced(base, path, junk));
  const candidates = leafPaths.length
    ? fc.oneof(
        { arbitrary: spoilt, weight: 6 },
        { arbitrary: fc.constantFrom(...leafPaths).map((path) => replaced(base, path, undefined, true)), weight: 1 },
        { arbitrary: junkValue(hugeLength), weight: 1 },
      )
    : fc.oneof(spoilt, junkValue(hugeLength));
  return candidates.filter((candidate) => !(schema as z.ZodType).safeParse(overTheWire(candidate)).success);
}

/** Whether the schema refuses everything these generators can make (then the procedure is skipped). */
export function acceptsSample(schema: Schema): boolean {
  return (schema as z.ZodType).safeParse(overTheWire(sampleOf(schema))).success;
}
