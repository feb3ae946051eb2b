// Defaults of the catchment analysis, in a module of their own so that the URL state can use them
// without pulling the geometry code (Turf) into every page that parses a view.
/** Default ring distances in metres. */
export const DEFAULT_DISTANCES: readonly number[] = [500, 1000, 1500];
