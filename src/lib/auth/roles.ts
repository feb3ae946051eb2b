// Roles and who sees what: the ladder of roles (each includes the ones before it) and the viewer a
// request is served for. Pure, so routes, server and components all ask the same question.
export const ROLES = ['oeffentlich', 'kontor', 'planung', 'redaktion', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Who a request is served for: null is the anonymous public. */
export interface Viewer {
	name: string;
	role: Role;
	/** The Kontor a `kontor` account belongs to (it edits only that one); null for every other role. */
	kontor: string | null;
}

/** Whether `role` includes `min` on the ladder; the anonymous public (no role) is `oeffentlich`. */
export function atLeast(role: Role | null | undefined, min: Role): boolean {
	return ROLES.indexOf(role ?? 'oeffentlich') >= ROLES.indexOf(min);
}

/** Internal indicators and levels are for signed-in users from `kontor` up. */
export const seesInternal = (viewer: Viewer | null | undefined): boolean => atLeast(viewer?.role, 'kontor');
