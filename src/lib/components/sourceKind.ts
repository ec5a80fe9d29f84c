// The label of each source kind (the filter's options, badges).
import type { StringKey } from '../i18n';
import type { SourceKind } from '../model';

export const SOURCE_LABEL: Record<SourceKind, StringKey> = {
  published: 'source_published',
  synthetic: 'source_synthetic',
  local: 'source_local'
};

/** A row of the reader's own documents: its `source_kind` is 'local'. */
export const isLocalRow = (row: unknown) =>
  typeof row === 'object' && row !== null && (row as { source_kind?: unknown }).source_kind === 'local';

export const hasLocalRows = (rows: readonly unknown[]) => rows.some(isLocalRow);
