import { testEnv } from "./test-env";

// Test files reach the run's database the way any Mirage process does: settings plus the
// secrets the global setup generated in MIRAGE_DATA_DIR.
Object.assign(process.env, testEnv);
delete process.env.DATABASE_URL;
