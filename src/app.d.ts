// See https://svelte.dev/docs/kit/types#app.d.ts
// for information about these interfaces
declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/** The signed-in session (hooks.server.ts reads it for every request but /embed), or null. */
			session: import('$lib/server/admin/session').Session | null;
			/** Who the request is served for (null: the anonymous public); decides what internal data it sees. */
			viewer: import('$lib/auth/roles').Viewer | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
