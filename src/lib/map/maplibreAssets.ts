// The URLs of MapLibre's prebuilt files (the library and its worker) as Vite emits them: neutral, so
// the map set-up in the browser and the server's Link header (preload.ts) name the same files.
import maplibreUrl from 'maplibre-gl/dist/maplibre-gl.mjs?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export { maplibreUrl, workerUrl };
