// The API paths of an indicator's answers, built in one place: the atlas's load asks for them, its
// prefetch fetches them ahead (client/prefetch.ts) and the server warms them (server/warmUp.ts).
// Kept answers and the response cache are keyed by the path as sent, so all three must agree.

/** An indicator's table of a level (for a year, or its latest); a large level's adds `&format=columns`. */
export const indicatorTablePath = (indicator: string, level: string, year: number | null) =>
	`/api/indicators/${encodeURIComponent(indicator)}?level=${level}${year === null ? '' : `&year=${year}`}`;

/** An indicator's time series of a level; of a large level only the selection's areas (`selection`), not thousands of lines. */
export const seriesPath = (indicator: string, level: string, selection: string[] | null) =>
	`/api/indicators/${encodeURIComponent(indicator)}/series?level=${level}${selection ? `&areas=${selection.map(encodeURIComponent).join(',')}` : ''}`;
