import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Next's recommended rules; import boundaries are checked by dependency-cruiser (.dependency-cruiser.cjs). */
const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".data/**", "node_modules/**", "src/server/db/generated/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // A double cast silences the type checker instead of checking the value: parse JSON columns with their
    // zod schema (src/server/db/json-column.ts). Where a library's typing leaves no other way, disable the
    // rule on that line with the reason.
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "TSAsExpression[expression.type='TSAsExpression'][expression.typeAnnotation.type='TSUnknownKeyword']",
          message: "No `as unknown as`: parse the value (zod) or narrow it; see src/server/db/json-column.ts.",
        },
      ],
    },
  },
];

export default config;
