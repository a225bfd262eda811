import { e2eSql } from "./db";

let counter = 0;

/**
 * An activated person linked to `providerId` with `role` and stored `permissions`, inserted
 * directly: what Associate Provider or an accepted invitation leaves behind, without walking it.
 * They never sign in, so the password hash is a placeholder.
 */
export async function createProviderMember(providerId: string, role: "admin" | "user", permissions: string[] = [], names = { firstName: "Avery", lastName: "Admin" }): Promise<{ id: string; email: string; name: string }> {
  counter++;
  const email = `${role}.${Date.now().toString(36)}${process.pid.toString(36)}${counter}@e2e.example`;
  const sql = e2eSql();
  const [user] = await sql<{ id: string }[]>`
    insert into users (email, password_hash, first_name, last_name, security_question, security_answer_hash, activated_at)
    values (${email}, 'not-a-real-hash', ${names.firstName}, ${names.lastName}, 'What city were you born in?', 'not-a-real-hash', now())
    returning id`;
  await sql`
    insert into provider_memberships (provider_id, user_id, role, permissions, status, source)
    values (${providerId}, ${user!.id}, ${role}, ${permissions}, 'active', 'association')`;
  return { id: user!.id, email, name: `${names.firstName} ${names.lastName}` };
}

/** An activated user who administers `providerId` (Associate Provider's result). */
export async function createProviderAdmin(providerId: string): Promise<{ id: string; email: string }> {
  const { id, email } = await createProviderMember(providerId, "admin");
  return { id, email };
}
