import { requireSession } from "@/lib/next/session";

/** Everything under (portal) needs a live session; each action checks again on its own. */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  await requireSession();
  return <>{children}</>;
}
