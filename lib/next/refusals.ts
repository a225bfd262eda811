import { notFound, redirect } from "next/navigation";
import type { Refusal } from "@/lib/access/guards";

/** Where a refused page or action sends the person; a plain "not allowed" is a 404, never a hint. */
export function refusalRedirect(refusal: Refusal): never {
  switch (refusal) {
    case "signed_out":
      redirect("/login");
    case "session_ended":
      redirect("/login?expired=1");
    case "mfa_required":
      redirect("/mfa");
    case "mfa_setup_required":
      redirect("/mfa/setup");
    case "no_provider":
      redirect("/associate");
    case "reverify":
      redirect("/settings/security?reverify=1");
    case "forbidden":
      notFound();
  }
}
