setInterval(() => {
	const m = process.memoryUsage();
	console.error(`MEM rss=${(m.rss / 2 ** 20).toFixed(0)} heapTotal=${(m.heapTotal / 2 ** 20).toFixed(0)} heapUsed=${(m.heapUsed / 2 ** 20).toFixed(0)} external=${(m.external / 2 ** 20).toFixed(0)} ab=${(m.arrayBuffers / 2 ** 20).toFixed(0)}`);
}, 5000).unref();
await import('/work/wt-integ2/server.js');
