import { useCallback } from 'react';
import { commandOf, runCommand, type ArgsOf, type CommandId } from '../commands/registry';
import { useDesigner, useDesignerContext } from './context';

/** A stable function that runs a command through the registry. */
export function useRunCommand(): <K extends CommandId>(id: K, ...args: ArgsOf<K>) => boolean {
  const { commands } = useDesignerContext();
  return useCallback(<K extends CommandId>(id: K, ...args: ArgsOf<K>) => runCommand(commands, id, ...args), [commands]);
}

/** Whether a command is enabled now (for buttons). */
export function useCommandEnabled(id: CommandId): boolean {
  const enabled = commandOf(id).enabled;
  return useDesigner((s) => (enabled ? enabled(s) : true));
}
