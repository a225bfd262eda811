import postgres from "postgres";
import { migrateDatabase, openDatabase } from "@/db/client";
import { TEMPLATE_SUFFIX, databaseName, withDatabase } from "./test-db";

/**
 * With DATABASE_URL set, builds one migrated template database that each test file copies
 * (CREATE DATABASE ... TEMPLATE is much faster than migrating per file).
 */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log("[tests] DATABASE_URL is not set: integration tests run on in-memory PGlite");
    return;
  }
  const template = `${databaseName(url)}${TEMPLATE_SUFFIX}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${template}" with (force)`);
  await admin.unsafe(`create database "${template}"`);
  const handle = await openDatabase({ url: withDatabase(url, template), max: 1 });
  await migrateDatabase(handle);
  await handle.close();
  console.log(`[tests] integration tests run on PostgreSQL (template ${template})`);
  return async () => {
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
    await admin.end();
  };
}
