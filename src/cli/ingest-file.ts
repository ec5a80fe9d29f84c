// One input file through the ingest: read it, parse it, check its rows and append them to a shard.
// Never throws for a bad document: every failure becomes a rejected report entry naming the file.
import { readFileSync } from 'node:fs';
import { ingestDocument, type IngestOptions } from '../lib/ingest/index';
import { ingestPdf, isPdfFile } from '../lib/ingest/pdf/ingest';
import { nodePdfAssets, nodePdfJs } from '../lib/ingest/pdf/node';
import type { InputFile } from '../lib/ingest/files';
import { documentCells, type Shard } from '../lib/ingest/parquet';
import { documentEntry, rejectedEntry, type ReportEntry } from '../lib/ingest/report';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function ingestFileInto(
  shard: Shard,
  ord: number,
  input: InputFile,
  opts: IngestOptions
): Promise<ReportEntry> {
  const { file } = input;
  if (input.unsupported) return rejectedEntry(ord, file, [input.unsupported]);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(input.path);
  } catch (e) {
    return rejectedEntry(ord, file, [`cannot read ${file}: ${messageOf(e)}`]);
  }
  let result;
  try {
    result = isPdfFile(file)
      ? await ingestPdf(bytes, file, { pdfjs: await nodePdfJs(), assets: nodePdfAssets() }, opts)
      : ingestDocument(bytes, file, opts);
  } catch (e) {
    return rejectedEntry(ord, file, [`${file}: the parser failed: ${messageOf(e)}`]);
  }
  if (result.status === 'rejected') {
    return rejectedEntry(ord, file, result.reasons.length > 0 ? [...result.reasons] : [`${file}: rejected`]);
  }
  let cells;
  try {
    cells = documentCells(result);
  } catch (e) {
    return rejectedEntry(ord, file, [...result.reasons, `${file}: cannot be written: ${messageOf(e)}`]);
  }
  await shard.add(ord, cells);
  return documentEntry(ord, result);
}
