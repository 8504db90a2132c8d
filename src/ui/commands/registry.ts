/**
 * Every user operation, once. The toolbar, the keyboard, the canvas, the inspector, the problems panel and the
 * tests all go through `runCommand`, which applies what a command returns in one place: the store in one update
 * (the design through its history, the session fields named), then the view, then a file to save.
 *
 * A family of commands is a file (design, edit, view, files, share-link); an id is a key of `COMMANDS`, and a
 * command's arguments are those its `run` declares.
 */
import { saveFile } from '../io/save-file';
import { apply } from '../store/store';
import type { CommandContext, CommandInput, CommandSpec, Outcome } from './command';
import { DESIGN_COMMANDS } from './design';
import { EDIT_COMMANDS } from './edit';
import { FILE_COMMANDS } from './files';
import { matchesShortcut, type KeyLike } from './keys';
import { SHARE_LINK_COMMANDS } from './share-link';
import { VIEW_COMMANDS } from './view';

export type { CommandContext, ViewApi } from './command';

const FAMILIES = { ...DESIGN_COMMANDS, ...EDIT_COMMANDS, ...VIEW_COMMANDS, ...FILE_COMMANDS, ...SHARE_LINK_COMMANDS };

type Families = typeof FAMILIES;

/** Every command, with its id. */
export const COMMANDS = Object.fromEntries(Object.entries(FAMILIES).map(([id, c]) => [id, { ...c, id }])) as {
  [K in keyof Families]: Families[K] & { id: K };
};

export type CommandId = keyof typeof COMMANDS;

/** The arguments a command takes after its input: `[]`, `[args?]` or `[args]`. */
export type ArgsOf<K extends CommandId> = Parameters<Families[K]['run']> extends [unknown, ...infer A] ? A : [];

/** Any command, as lists of them (the shortcuts dialog, the keyboard) see it. */
export type Command = CommandSpec & { id: CommandId };

export function commandOf(id: CommandId): Command {
  return COMMANDS[id] as Command;
}

/** Runs a command if it is enabled, and applies what it returns. Returns whether it ran. */
export function runCommand<K extends CommandId>(ctx: CommandContext, id: K, ...args: ArgsOf<K>): boolean {
  return run(ctx, commandOf(id), args);
}

/** The command a key press means, if any. */
export function commandForKey(e: KeyLike): Command | undefined {
  return (Object.values(COMMANDS) as Command[]).find((c) => c.shortcuts?.some((s) => matchesShortcut(s, e)));
}

/** Runs a command from the keyboard (shortcut commands take no arguments). Returns whether it ran. */
export function runShortcut(ctx: CommandContext, cmd: Command): boolean {
  return run(ctx, cmd, []);
}

function run(ctx: CommandContext, cmd: Command, args: unknown[]): boolean {
  const state = ctx.store.getState();
  if (cmd.enabled && !cmd.enabled(state)) return false;
  const outcome = (cmd.run as (input: CommandInput, ...args: unknown[]) => Outcome)({ state, view: ctx.view }, ...args);
  applyOutcome(ctx, outcome);
  return true;
}

/** The one place what a command returns takes effect. */
function applyOutcome({ store, view }: CommandContext, outcome: Outcome): void {
  const { fit, reveal, save, find, ...change } = outcome;
  apply(store, change);
  if (fit) view?.fitView(fit === 'all' ? undefined : fit);
  if (reveal) view?.reveal(reveal);
  if (find) view?.focusFind?.();
  if (save) saveFile(save.data, save.filename, save.mime);
}
