// The camera (zoom, centre) that fits a bounding box into a map of a given size in Web Mercator,
// as MapLibre's fitBounds would: for links that open the atlas on one area (`map=zoom/lat/lon`).

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latitudeOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(y)) - 90;

/** `bbox` is [west, south, east, north]; `padding` the share of the map left around it. */
export function fitCamera(bbox: [number, number, number, number], width = 800, height = 600, padding = 0.1): { zoom: number; lat: number; lon: number } {
	const [west, south, east, north] = bbox;
	const [y0, y1] = [mercatorY(south), mercatorY(north)];
	const room = 1 - 2 * padding;
	// A point has no extent: the zoom of a street, not infinity.
	const zx = east > west ? Math.log2((width * room * 360) / (256 * (east - west))) : Infinity;
	const zy = y1 > y0 ? Math.log2((height * room * 2 * Math.PI) / (256 * (y1 - y0))) : Infinity;
	const zoom = Math.max(0, Math.min(zx, zy, 17));
	return { zoom: Math.round(zoom * 100) / 100, lat: Math.round(latitudeOf((y0 + y1) / 2) * 1e5) / 1e5, lon: Math.round(((west + east) / 2) * 1e5) / 1e5 };
}
