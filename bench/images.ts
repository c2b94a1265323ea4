/**
 * Image import benchmark: a 24-megapixel JPEG (6000 × 4000, camera-like noise, XMP credits)
 * imported through the core: base64 transport decode, sha256, IPTC/XMP, header probe, both
 * renditions, blob write and the database transaction. Each run uses a fresh profile so the
 * dedupe never short-circuits. Also times the phases on their own. Timing never decides a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openCore } from '../src-main/core/core';
import { sha256Hex } from '../src-main/core/media/blob-store';
import { readEmbeddedMeta } from '../src-main/core/media/metadata';
import { probeImage } from '../src-main/core/media/probe';
import { makeRenditions } from '../src-main/core/media/renditions';
import { printTable, summarize, timeAsync, writeResult } from './stats';
import { runImagesGridBench } from './images-grid';

const WIDTH = 6000;
const HEIGHT = 4000;
const RUNS = Number(process.env.BENCH_IMAGE_RUNS ?? 5);

const XMP = `<?xpacket begin="\u{feff}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
<photoshop:Credit>LWL</photoshop:Credit>
<dc:creator><rdf:Seq><rdf:li>Jürgen Müller</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Blick über den Prinzipalmarkt in Münster</rdf:li></rdf:Alt></dc:description>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** Gaussian noise softened by a blur and tinted by a gradient: compresses like a photo. */
async function makePhoto(): Promise<Buffer> {
  const noise = await sharp({
    create: {
      width: WIDTH,
      height: HEIGHT,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .blur(0.6)
    .raw()
    .toBuffer();
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
       <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
         <stop offset="0" stop-color="#3a6ea5"/><stop offset="1" stop-color="#e0b060"/>
       </linearGradient></defs>
       <rect width="100%" height="100%" fill="url(#g)" opacity="0.6"/></svg>`,
  );
  return sharp(noise, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .composite([{ input: gradient, blend: 'over' }])
    .jpeg({ quality: 88 })
    .withXmp(XMP)
    .toBuffer();
}

export async function runImagesBench(): Promise<object> {
  const photo = await makePhoto();
  const base64 = photo.toString('base64');
  console.log(
    `24-MP JPEG: ${WIDTH} × ${HEIGHT}, ${(photo.length / 1024 / 1024).toFixed(1)} MB; ${RUNS} runs`,
  );

  const importMs: number[] = [];
  const phases = {
    sha256: [] as number[],
    metadata: [] as number[],
    probe: [] as number[],
    renditions: [] as number[],
  };
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-images-'));
    const core = await openCore({ profileDir: dir, host: 'cli', backgroundIntegrityCheck: false });
    try {
      const [ms, r] = await timeAsync(() =>
        core.call('images.import', { fileName: 'prinzipalmarkt.jpg', dataBase64: base64 }),
      );
      if (!r.ok) throw new Error(`import failed: ${r.error.message}`);
      const value = r.value as { credit: string; width: number };
      if (value.credit !== 'LWL' || value.width !== WIDTH)
        throw new Error('unexpected import result');
      importMs.push(ms);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
    phases.sha256.push((await timeAsync(async () => sha256Hex(photo)))[0]);
    phases.metadata.push((await timeAsync(() => readEmbeddedMeta(photo, 'image/jpeg')))[0]);
    phases.probe.push((await timeAsync(() => probeImage(photo, 'image/jpeg', 'p.jpg')))[0]);
    phases.renditions.push((await timeAsync(() => makeRenditions(photo, 'p.jpg')))[0]);
  }

  const result = {
    image: {
      width: WIDTH,
      height: HEIGHT,
      megapixels: (WIDTH * HEIGHT) / 1e6,
      bytes: photo.length,
    },
    runs: RUNS,
    importMs: summarize(importMs),
    phasesMs: {
      sha256: summarize(phases.sha256),
      metadata: summarize(phases.metadata),
      probe: summarize(phases.probe),
      renditions: summarize(phases.renditions),
    },
  };
  printTable('image import (ms)', [
    { what: 'import via core (total)', median: result.importMs.median, p95: result.importMs.p95 },
    ...Object.entries(result.phasesMs).map(([what, s]) => ({ what, median: s.median, p95: s.p95 })),
  ]);
  // Both halves are measured in images.json: the import above and the library grid.
  const grid = await runImagesGridBench();
  const path = writeResult('images', { ...result, libraryGrid: grid });
  console.log(`wrote ${path}`);
  return { ...result, libraryGrid: grid };
}
