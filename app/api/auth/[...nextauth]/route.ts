import NextAuth from "next-auth";
import { authOptions } from "@/lib/next/auth-options";

// Options are built per request so a build without secrets can still collect this route.
type Ctx = { params: Promise<{ nextauth: string[] }> };
function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
