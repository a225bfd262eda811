import { e2eSql } from "./db";

let counter = 0;

/**
 * An activated user who administers `providerId`, inserted directly: what Associate Provider
 * leaves behind, without walking it. They never sign in, so the password hash is a placeholder.
 */
export async function createProviderAdmin(providerId: string): Promise<{ id: string; email: string }> {
  counter++;
  const email = `admin.${Date.now().toString(36)}${process.pid.toString(36)}${counter}@e2e.example`;
  const sql = e2eSql();
  const [user] = await sql<{ id: string }[]>`
    insert into users (email, password_hash, first_name, last_name, security_question, security_answer_hash, activated_at)
    values (${email}, 'not-a-real-hash', 'Avery', 'Admin', 'What city were you born in?', 'not-a-real-hash', now())
    returning id`;
  await sql`
    insert into provider_memberships (provider_id, user_id, role, permissions, status, source)
    values (${providerId}, ${user!.id}, 'admin', '{}', 'active', 'association')`;
  return { id: user!.id, email };
}
