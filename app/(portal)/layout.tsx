import { requirePage } from "@/lib/next/page-guard";

/** Everything under (portal) needs a live session; each action checks again on its own. */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  await requirePage("signedIn");
  return <>{children}</>;
}
