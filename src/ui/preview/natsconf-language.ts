/**
 * A small Monarch tokenizer for nats.conf: `#` and `//` comments, `key: value` / `key = value` / `key {`,
 * quoted strings, `$VARIABLES`, sizes and durations, booleans, `include`, and brackets. Monaco ships nothing
 * for this format, and borrowing `ini` mislabels blocks.
 */

export const NATSCONF_ID = 'natsconf';

/** Shape of a Monarch language, kept local so this module needs no Monaco import. */
export interface MonarchLanguage {
  defaultToken: string;
  tokenPostfix: string;
  ignoreCase?: boolean;
  keywords: string[];
  brackets: { open: string; close: string; token: string }[];
  tokenizer: Record<string, unknown[]>;
}

export const natsConfLanguage: MonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.natsconf',
  keywords: ['true', 'false', 'yes', 'no', 'on', 'off'],
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '[', close: ']', token: 'delimiter.square' },
  ],
  tokenizer: {
    root: [
      { include: '@whitespace' },
      [/^\s*include\b/, 'keyword.include'],
      // A key is a name followed by `:`, `=` or an opening brace.
      [/[A-Za-z_][\w.-]*(?=\s*(?::|=|\{))/, 'key'],
      [/\$[A-Za-z_][\w]*/, 'variable'],
      [/"/, 'string', '@dstring'],
      [/'/, 'string', '@sstring'],
      [/-?\d+(?:\.\d+)?(?:[KMGTP]i?B?|[kmgtp]b?|ms|us|ns|[smhd])?\b/, 'number'],
      [/[{}[\]]/, '@brackets'],
      [/[:=,]/, 'delimiter'],
      [
        /[A-Za-z_][\w.\-/]*/,
        {
          cases: {
            '@keywords': 'keyword',
            '@default': 'string.unquoted',
          },
        },
      ],
    ],
    whitespace: [
      [/\s+/, 'white'],
      [/#.*$/, 'comment'],
      [/\/\/.*$/, 'comment'],
    ],
    dstring: [
      [/[^\\"$]+/, 'string'],
      [/\$[A-Za-z_]\w*/, 'variable'],
      [/\\./, 'string.escape'],
      [/\$/, 'string'],
      [/"/, 'string', '@pop'],
    ],
    sstring: [
      [/[^\\']+/, 'string'],
      [/\\./, 'string.escape'],
      [/'/, 'string', '@pop'],
    ],
  },
};

export const natsConfConfiguration = {
  comments: { lineComment: '#' },
  brackets: [
    ['{', '}'],
    ['[', ']'],
  ] as [string, string][],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '"', close: '"' },
  ],
};

/** Which language a bundle file is shown in. */
export function languageOf(path: string): string {
  if (/\.ya?ml$/.test(path)) return 'yaml';
  if (/\.conf$/.test(path)) return NATSCONF_ID;
  if (/\.md$/.test(path)) return 'markdown';
  return 'plaintext';
}
