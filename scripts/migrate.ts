import { loadDotEnv } from "../src/env";
import { isSetupError, prepareDatabase } from "./prepare-database";

// `npm run db:migrate`: apply migrations and declare queues, then exit.
loadDotEnv();
prepareDatabase(console.log)
  .then(async ({ embedded }) => {
    console.log("Database is up to date.");
    await embedded?.stop();
  })
  .catch((error) => {
    const known = isSetupError(error);
    console.error(`mirage: ${known ? error.message : error.stack}`);
    process.exit(1);
  });
