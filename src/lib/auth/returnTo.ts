// Where a sign-in returns to (`/admin/login?next=/path`): only a path on this site. Everything
// that a browser could read as another origin (`//evil`, `/\evil`, `https://evil`, their encoded
// and whitespace-padded forms) is refused, so the login cannot be used as an open redirect.
const BASE = 'http://kontoratlas.invalid';

/** The same-origin path, query and fragment `raw` names, or null when it is not one. */
export function safeReturnTo(raw: string | null | undefined): string | null {
	if (!raw || raw.length > 2000) return null;
	// A path starts with exactly one slash; a second one or a backslash would start a host.
	if (!/^\/(?![/\\])/.test(raw)) return null;
	// Control characters and whitespace are stripped or reinterpreted by browsers; none belongs in a path.
	if ([...raw].some((c) => c <= ' ' || c === '\u007f' || c === '\\')) return null;
	let url: URL;
	try {
		url = new URL(raw, BASE);
	} catch {
		return null;
	}
	if (url.origin !== BASE) return null;
	const target = url.pathname + url.search + url.hash;
	// Also after the URL parser's normalisation (e.g. `/.//evil` becomes `//evil`).
	return target.startsWith('//') ? null : target;
}
