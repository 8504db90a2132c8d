import { serializeTopology, templateById, TEMPLATES } from '../../core';
import { CliError, exists, EXIT } from '../io';
import { writeOne } from '../write-files';
import { table } from '../format';

/** `templates`: the built-in starting points. */
export function templatesCommand(log: (s: string) => void): number {
  log(
    table(
      ['id', 'title', 'description'],
      TEMPLATES.map((t) => [t.id, t.title, t.description]),
    ),
  );
  return EXIT.ok;
}

/** `init <template> [file]`: writes a template as a topology file (`-` for stdout). */
export function initCommand(id: string, file: string, force: boolean, log: (s: string) => void): number {
  const template = templateById(id);
  if (!template) throw new CliError(`unknown template "${id}"; known: ${TEMPLATES.map((t) => t.id).join(', ')}`, EXIT.usage);
  const text = serializeTopology(template.topology());
  if (file === '-') {
    log(text.trimEnd());
    return EXIT.ok;
  }
  if (exists(file) && !force) throw new CliError(`${file} exists; pass --force to overwrite it`, EXIT.usage);
  writeOne(file, Buffer.from(text, 'utf8'), 0o644);
  log(`wrote ${file} (${template.title})`);
  return EXIT.ok;
}
