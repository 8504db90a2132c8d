import { useCallback } from 'react';
import { COMMANDS, runCommand, type CommandArgs, type CommandId } from '../commands/registry';
import { useDesigner, useDesignerContext } from './context';

/** A stable function that runs a command through the registry. */
export function useRunCommand(): <K extends CommandId>(id: K, args?: K extends keyof CommandArgs ? CommandArgs[K] : undefined) => boolean {
  const { commands } = useDesignerContext();
  return useCallback(
    (id, args) => (runCommand as (ctx: typeof commands, id: CommandId, args?: unknown) => boolean)(commands, id, args),
    [commands],
  );
}

/** Whether a command is enabled now (for buttons). */
export function useCommandEnabled(id: CommandId): boolean {
  const enabled = COMMANDS[id].enabled;
  return useDesigner((s) => (enabled ? enabled(s) : true));
}
