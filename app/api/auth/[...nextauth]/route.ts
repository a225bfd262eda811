import NextAuth from "next-auth";
import { authOptions } from "@/lib/next/auth-options";
import { defineRoute } from "@/lib/next/route";

// Public: sign-in, sign-out, CSRF and session endpoints of next-auth. Options are built per
// request so a build without secrets can still collect this route.
type Params = { params: Promise<{ nextauth: string[] }> };
const handler = defineRoute({ name: "auth.nextauth", guard: "public" }, async (req, _ctx, params: Params) => NextAuth(req as never, params as never, authOptions()));

export { handler as GET, handler as POST };
