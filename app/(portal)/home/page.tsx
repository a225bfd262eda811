import { SignOutButton } from "@/components/auth/sign-out-button";
import { requireSession } from "@/lib/next/session";

export const metadata = { title: "Home" };

export default async function HomePage() {
  const { user } = await requireSession();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-brand-800">
          Welcome, {user.firstName} {user.lastName}
        </h1>
        <p className="mt-2 text-slate-700">You are signed in as {user.email}.</p>
        <div className="mt-6">
          <SignOutButton />
        </div>
      </div>
    </div>
  );
}
