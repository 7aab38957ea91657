import { z } from "zod";
import { pt } from "zod/locales";

// Validation messages in Portuguese wherever schemas run (server and browser).
z.config(pt());

export { z };
