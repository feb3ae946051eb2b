// The German CSV writer lives in $lib/data/csv so the browser's chart exports use the same one.
export { germanNumber, toGermanCsv, type Cell } from '$lib/data/csv';
