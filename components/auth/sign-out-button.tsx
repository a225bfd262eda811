import { signOutAction } from "@/app/(portal)/session-actions";
import { buttonClass } from "@/components/ui/button";

/** Sign out: a one-button form posting to the sign-out action, so it works without JavaScript. */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={className ?? buttonClass("secondary")}>
        Sign out
      </button>
    </form>
  );
}
