// A local metric plane for building geometry around one city, and the spherical area of rings
// drawn in it. Equirectangular, because it is affine in lon/lat: a straight edge in the plane is
// the same straight edge in the GeoJSON we write, so what we build is exactly what we output.

/** Earth radius used by turf (`@turf/helpers` earthRadius), so our areas agree with turf.area. */
export const EARTH_RADIUS_M = 6371008.8;

const RAD = Math.PI / 180;

export type XY = [number, number];

export interface LocalPlane {
	lon0: number;
	lat0: number;
	/** Metres per degree of longitude and latitude at lat0. */
	mPerDegLon: number;
	mPerDegLat: number;
	toXY(lonLat: readonly number[]): XY;
	toLonLat(xy: readonly number[]): XY;
	/**
	 * Area in m² on the sphere of a ring given in plane coordinates (positive when
	 * counter-clockwise), integrating cos(lat) exactly along each edge.
	 */
	ringAreaM2(ring: readonly XY[]): number;
}

/**
 * Equirectangular plane centred on (lon0, lat0): x = R·cos(lat0)·Δλ, y = R·Δφ, in metres.
 * Distances are off by the factor cos(lat)/cos(lat0) east-west: for a city of ±0.09° of
 * latitude (the shipped one, around 52.11°N) that is at most ±0.2 %. This only nudges where a power-diagram border
 * falls; areas do not suffer, because ringAreaM2 integrates on the sphere instead of the plane.
 */
export function localPlane(lon0: number, lat0: number): LocalPlane {
	const mPerDegLat = EARTH_RADIUS_M * RAD;
	const mPerDegLon = mPerDegLat * Math.cos(lat0 * RAD);
	const phi0 = lat0 * RAD;
	const sinPhi0 = Math.sin(phi0);
	return {
		lon0,
		lat0,
		mPerDegLon,
		mPerDegLat,
		toXY: (p) => [(p[0] - lon0) * mPerDegLon, (p[1] - lat0) * mPerDegLat],
		toLonLat: (p) => [lon0 + p[0] / mPerDegLon, lat0 + p[1] / mPerDegLat],
		ringAreaM2(ring) {
			// Green's theorem: ∬cosφ dλdφ = ∮ −sinφ dλ. On an edge straight in (λ, φ) the mean of
			// sinφ is sin(φm)·sinc(Δφ/2) exactly; subtracting sinφ0 (Σ Δλ = 0 on a closed ring)
			// keeps the sum well conditioned.
			const n = ring.length;
			let sum = 0;
			for (let k = 0; k < n; k++) {
				const a = ring[k];
				const b = ring[(k + 1) % n];
				const dLambda = ((b[0] - a[0]) / mPerDegLon) * RAD;
				if (dLambda === 0) continue;
				const halfDPhi = ((b[1] - a[1]) / mPerDegLat) * RAD * 0.5;
				const phiM = phi0 + ((a[1] + b[1]) / 2 / mPerDegLat) * RAD;
				const sinc = halfDPhi === 0 ? 1 : Math.sin(halfDPhi) / halfDPhi;
				sum -= dLambda * (Math.sin(phiM) * sinc - sinPhi0);
			}
			return sum * EARTH_RADIUS_M * EARTH_RADIUS_M;
		}
	};
}

/** Shoelace area in plane units² (positive when counter-clockwise). */
export function planarRingArea(ring: readonly XY[]): number {
	let s = 0;
	for (let k = 0, n = ring.length; k < n; k++) {
		const a = ring[k];
		const b = ring[(k + 1) % n];
		s += a[0] * b[1] - b[0] * a[1];
	}
	return s / 2;
}
