// Runs the Store contract on PostgreSQL, each store in a fresh schema dropped afterwards.
// Skipped with a message when no server answers, except in CI (CI=true), where that is a failure.
import { storeContract } from './contract.ts';
import { pgMissing, pgUnreachable, testSchemas } from './pg-schemas.ts';

const unreachable = await pgUnreachable();
if (unreachable === null) {
  const schemas = testSchemas('storyline_test');
  storeContract('postgres', () => schemas.store());
} else {
  pgMissing('postgres contract', unreachable);
}
