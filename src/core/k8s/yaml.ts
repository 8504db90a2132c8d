import { stringify } from 'yaml';

/** The one YAML serializer for everything we emit: pinned options, so the same objects give the same bytes. */
const OPTIONS = {
  lineWidth: 0,
  minContentWidth: 0,
  indentSeq: true,
  aliasDuplicateObjects: false,
  blockQuote: 'literal',
  singleQuote: false,
} as const;

/** One YAML document. Key order is the object's insertion order: builders put apiVersion, kind, metadata first. */
export function toYaml(value: unknown): string {
  return stringify(value, OPTIONS);
}

/** Several objects as one multi-document YAML file. */
export function toYamlDocuments(values: unknown[]): string {
  return values.map((v) => `---\n${toYaml(v)}`).join('');
}
