// The label of each source kind (the filter's options, badges).
import type { StringKey } from '../i18n';
import type { SourceKind } from '../model';

export const SOURCE_LABEL: Record<SourceKind, StringKey> = {
  published: 'source_published',
  synthetic: 'source_synthetic',
  local: 'source_local'
};
