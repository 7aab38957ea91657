import { z } from "zod";

// No locale configured here: the server sends issues as codes (see validation-issues.ts) and the
// browser words them in the person's language.
export { z };
