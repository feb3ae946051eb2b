// Reading a stored version's derived data: validated, and upgraded when it was stored before city
// profiles. No SvelteKit imports, because the preview worker thread parses versions too.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDerived, type Derived } from '$lib/data/derived';
import { CityProfile, PROFILE_FILE } from '$lib/data/profile';

/**
 * The shipped city profile (KONTORATLAS_GEODATA, default geodata/), read only for versions stored
 * before profiles existed.
 */
export function shippedProfile(): CityProfile {
	const file = join(resolve(process.env.KONTORATLAS_GEODATA || 'geodata'), PROFILE_FILE);
	return CityProfile.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** A stored version's derived data, validated; versions stored before profiles get the shipped one. */
export function parseStoredDerived(raw: unknown): Derived {
	return parseDerived(raw, shippedProfile);
}
