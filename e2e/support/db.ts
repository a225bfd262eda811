import postgres from "postgres";
import { E2E_DATABASE_URL } from "./env";

/** Direct access to the test server's database: the specs read the outbox as a mail client would. */
let client: postgres.Sql | undefined;
export function e2eSql(): postgres.Sql {
  client ??= postgres(E2E_DATABASE_URL, { max: 2, onnotice: () => {} });
  return client;
}
