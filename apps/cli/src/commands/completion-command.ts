import { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes';

interface Tree {
  name: string;
  options: string[];
  subcommands: Tree[];
}

function treeOf(command: Command): Tree {
  return {
    name: command.name(),
    options: [...command.options.map((o) => o.long ?? o.short ?? ''), '--help'].filter(Boolean),
    subcommands: command.commands.map(treeOf),
  };
}

/** Bash: words after `elevate` pick the (sub)command; its options and subcommands are offered. */
function bashCompletion(root: Tree): string {
  const cases: string[] = [];
  const walk = (tree: Tree, path: string) => {
    const words = [...tree.subcommands.map((s) => s.name), ...tree.options].join(' ');
    cases.push(`    "${path}") words="${words}" ;;`);
    for (const sub of tree.subcommands) walk(sub, path === '' ? sub.name : `${path} ${sub.name}`);
  };
  walk(root, '');
  return `# elevate completion for bash — add to ~/.bashrc:  source <(elevate completion bash)
_elevate_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" word words
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in -*) ;; *) case " $(_elevate_words "\${path}") " in *" $word "*) path="\${path:+$path }$word" ;; esac ;; esac
  done
  COMPREPLY=( $(compgen -W "$(_elevate_words "$path")" -- "$cur") )
}
_elevate_words() {
  local words=""
  case "$1" in
${cases.join('\n')}
  esac
  echo "$words"
}
complete -F _elevate_complete elevate
`;
}

/** Zsh: the same table, through bashcompinit so both shells share one definition. */
function zshCompletion(root: Tree): string {
  return `# elevate completion for zsh — add to ~/.zshrc:  source <(elevate completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(root).split('\n').slice(1).join('\n')}`;
}

export function completionCommand(root: () => Command): Command {
  return new Command('completion')
    .description('Print shell completion: source <(elevate completion bash)  (or zsh)')
    .argument('<shell>', 'bash or zsh')
    .action((shell: string, _o: unknown, command: Command) => {
      const tree = treeOf(root());
      if (shell === 'bash') command.parent?.configureOutput().writeOut?.(bashCompletion(tree));
      else if (shell === 'zsh') command.parent?.configureOutput().writeOut?.(zshCompletion(tree));
      else throw new CliError('Completion is available for bash and zsh.', EXIT.usage);
    });
}
