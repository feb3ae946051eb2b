// ColorBrewer schemes (Cynthia A. Brewer, Apache-2.0) as plain hex tables, copied from
// d3-scale-chromatic so that pages need not ship its interpolators; brewer.test.ts checks that
// they match d3-scale-chromatic exactly. Index n: the scheme with n classes.
const expand = (rows: (string | null)[]) => rows.map((r) => (r === null ? [] : r.match(/.{6}/g)!.map((h) => `#${h}`)));

export const BREWER: Record<string, readonly (readonly string[])[]> = {
	OrRd: expand([
		null,
		null,
		null,
		'fee8c8fdbb84e34a33',
		'fef0d9fdcc8afc8d59d7301f',
		'fef0d9fdcc8afc8d59e34a33b30000',
		'fef0d9fdd49efdbb84fc8d59e34a33b30000',
		'fef0d9fdd49efdbb84fc8d59ef6548d7301f990000',
		'fff7ecfee8c8fdd49efdbb84fc8d59ef6548d7301f990000',
		'fff7ecfee8c8fdd49efdbb84fc8d59ef6548d7301fb300007f0000'
	]),
	YlOrRd: expand([
		null,
		null,
		null,
		'ffeda0feb24cf03b20',
		'ffffb2fecc5cfd8d3ce31a1c',
		'ffffb2fecc5cfd8d3cf03b20bd0026',
		'ffffb2fed976feb24cfd8d3cf03b20bd0026',
		'ffffb2fed976feb24cfd8d3cfc4e2ae31a1cb10026',
		'ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cb10026',
		'ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cbd0026800026'
	]),
	Reds: expand([
		null,
		null,
		null,
		'fee0d2fc9272de2d26',
		'fee5d9fcae91fb6a4acb181d',
		'fee5d9fcae91fb6a4ade2d26a50f15',
		'fee5d9fcbba1fc9272fb6a4ade2d26a50f15',
		'fee5d9fcbba1fc9272fb6a4aef3b2ccb181d99000d',
		'fff5f0fee0d2fcbba1fc9272fb6a4aef3b2ccb181d99000d',
		'fff5f0fee0d2fcbba1fc9272fb6a4aef3b2ccb181da50f1567000d'
	]),
	Blues: expand([
		null,
		null,
		null,
		'deebf79ecae13182bd',
		'eff3ffbdd7e76baed62171b5',
		'eff3ffbdd7e76baed63182bd08519c',
		'eff3ffc6dbef9ecae16baed63182bd08519c',
		'eff3ffc6dbef9ecae16baed64292c62171b5084594',
		'f7fbffdeebf7c6dbef9ecae16baed64292c62171b5084594',
		'f7fbffdeebf7c6dbef9ecae16baed64292c62171b508519c08306b'
	]),
	Greens: expand([
		null,
		null,
		null,
		'e5f5e0a1d99b31a354',
		'edf8e9bae4b374c476238b45',
		'edf8e9bae4b374c47631a354006d2c',
		'edf8e9c7e9c0a1d99b74c47631a354006d2c',
		'edf8e9c7e9c0a1d99b74c47641ab5d238b45005a32',
		'f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45005a32',
		'f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45006d2c00441b'
	]),
	Purples: expand([
		null,
		null,
		null,
		'efedf5bcbddc756bb1',
		'f2f0f7cbc9e29e9ac86a51a3',
		'f2f0f7cbc9e29e9ac8756bb154278f',
		'f2f0f7dadaebbcbddc9e9ac8756bb154278f',
		'f2f0f7dadaebbcbddc9e9ac8807dba6a51a34a1486',
		'fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a34a1486',
		'fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a354278f3f007d'
	]),
	YlGnBu: expand([
		null,
		null,
		null,
		'edf8b17fcdbb2c7fb8',
		'ffffcca1dab441b6c4225ea8',
		'ffffcca1dab441b6c42c7fb8253494',
		'ffffccc7e9b47fcdbb41b6c42c7fb8253494',
		'ffffccc7e9b47fcdbb41b6c41d91c0225ea80c2c84',
		'ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea80c2c84',
		'ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea8253494081d58'
	]),
	PuBu: expand([
		null,
		null,
		null,
		'ece7f2a6bddb2b8cbe',
		'f1eef6bdc9e174a9cf0570b0',
		'f1eef6bdc9e174a9cf2b8cbe045a8d',
		'f1eef6d0d1e6a6bddb74a9cf2b8cbe045a8d',
		'f1eef6d0d1e6a6bddb74a9cf3690c00570b0034e7b',
		'fff7fbece7f2d0d1e6a6bddb74a9cf3690c00570b0034e7b',
		'fff7fbece7f2d0d1e6a6bddb74a9cf3690c00570b0045a8d023858'
	]),
	RdBu: expand([
		null,
		null,
		null,
		'ef8a62f7f7f767a9cf',
		'ca0020f4a58292c5de0571b0',
		'ca0020f4a582f7f7f792c5de0571b0',
		'b2182bef8a62fddbc7d1e5f067a9cf2166ac',
		'b2182bef8a62fddbc7f7f7f7d1e5f067a9cf2166ac',
		'b2182bd6604df4a582fddbc7d1e5f092c5de4393c32166ac',
		'b2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac',
		'67001fb2182bd6604df4a582fddbc7d1e5f092c5de4393c32166ac053061',
		'67001fb2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac053061'
	]),
	PuOr: expand([
		null,
		null,
		null,
		'998ec3f7f7f7f1a340',
		'5e3c99b2abd2fdb863e66101',
		'5e3c99b2abd2f7f7f7fdb863e66101',
		'542788998ec3d8daebfee0b6f1a340b35806',
		'542788998ec3d8daebf7f7f7fee0b6f1a340b35806',
		'5427888073acb2abd2d8daebfee0b6fdb863e08214b35806',
		'5427888073acb2abd2d8daebf7f7f7fee0b6fdb863e08214b35806',
		'2d004b5427888073acb2abd2d8daebfee0b6fdb863e08214b358067f3b08',
		'2d004b5427888073acb2abd2d8daebf7f7f7fee0b6fdb863e08214b358067f3b08'
	]),
	BrBG: expand([
		null,
		null,
		null,
		'd8b365f5f5f55ab4ac',
		'a6611adfc27d80cdc1018571',
		'a6611adfc27df5f5f580cdc1018571',
		'8c510ad8b365f6e8c3c7eae55ab4ac01665e',
		'8c510ad8b365f6e8c3f5f5f5c7eae55ab4ac01665e',
		'8c510abf812ddfc27df6e8c3c7eae580cdc135978f01665e',
		'8c510abf812ddfc27df6e8c3f5f5f5c7eae580cdc135978f01665e',
		'5430058c510abf812ddfc27df6e8c3c7eae580cdc135978f01665e003c30',
		'5430058c510abf812ddfc27df6e8c3f5f5f5c7eae580cdc135978f01665e003c30'
	]),
	PRGn: expand([
		null,
		null,
		null,
		'af8dc3f7f7f77fbf7b',
		'7b3294c2a5cfa6dba0008837',
		'7b3294c2a5cff7f7f7a6dba0008837',
		'762a83af8dc3e7d4e8d9f0d37fbf7b1b7837',
		'762a83af8dc3e7d4e8f7f7f7d9f0d37fbf7b1b7837',
		'762a839970abc2a5cfe7d4e8d9f0d3a6dba05aae611b7837',
		'762a839970abc2a5cfe7d4e8f7f7f7d9f0d3a6dba05aae611b7837',
		'40004b762a839970abc2a5cfe7d4e8d9f0d3a6dba05aae611b783700441b',
		'40004b762a839970abc2a5cfe7d4e8f7f7f7d9f0d3a6dba05aae611b783700441b'
	]),
	RdYlBu: expand([
		null,
		null,
		null,
		'fc8d59ffffbf91bfdb',
		'd7191cfdae61abd9e92c7bb6',
		'd7191cfdae61ffffbfabd9e92c7bb6',
		'd73027fc8d59fee090e0f3f891bfdb4575b4',
		'd73027fc8d59fee090ffffbfe0f3f891bfdb4575b4',
		'd73027f46d43fdae61fee090e0f3f8abd9e974add14575b4',
		'd73027f46d43fdae61fee090ffffbfe0f3f8abd9e974add14575b4',
		'a50026d73027f46d43fdae61fee090e0f3f8abd9e974add14575b4313695',
		'a50026d73027f46d43fdae61fee090ffffbfe0f3f8abd9e974add14575b4313695'
	])
};
