// Loaded into the server under test (NODE_OPTIONS=--import): reports the event the app's own
// resources (a worker pool, the store) close on, so the test sees that server.js emitted it.
process.on('sveltekit:shutdown', (reason) => console.log(`probe: sveltekit:shutdown (${reason})`));
