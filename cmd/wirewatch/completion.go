package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
)

func init() {
	registerCommand("completion", command{
		summary: "print a shell completion script for bash, zsh or fish, made from the commands, their words and flags",
		args:    "bash|zsh|fish",
		verbs:   []string{"bash", "zsh", "fish"},
		examples: []string{
			"completion bash > ~/.local/share/bash-completion/completions/wirewatch",
			`completion zsh > "${fpath[1]}/_wirewatch"`,
			"completion fish > ~/.config/fish/completions/wirewatch.fish",
		},
		run: runCompletion,
	})
}

func runCompletion(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("completion", out)
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: name one shell: bash, zsh or fish", errUsage)
	}
	spec := completionSpec(ctx)
	switch pos[0] {
	case "bash":
		return writeBashCompletion(out, spec)
	case "zsh":
		return writeZshCompletion(out, spec)
	case "fish":
		return writeFishCompletion(out, spec)
	}
	return fmt.Errorf("%w: no completion for %q; bash, zsh or fish", errUsage, pos[0])
}

// completionCmd is what a completion script knows of one command.
type completionCmd struct {
	name, summary string
	verbs         []string
	flags         []completionFlag
	files         bool // its positional arguments include a file
}

type completionFlag struct {
	name, usage string
	takesValue  bool
	fileValue   bool // a file or folder: --config, --vocabulary, --data, --dir
}

// completionSpec reads the command registry: names, summaries, verbs and
// the flags each command parses.
func completionSpec(ctx context.Context) []completionCmd {
	var spec []completionCmd
	for _, name := range commandNames() {
		c := commands[name]
		cc := completionCmd{name: name, summary: c.summary, verbs: c.verbs, files: strings.Contains(c.args, "FILE")}
		if fs := commandFlags(ctx, name); fs != nil {
			fs.VisitAll(func(f *flag.Flag) {
				_, usage := flag.UnquoteUsage(f)
				bf, isBool := f.Value.(interface{ IsBoolFlag() bool })
				cf := completionFlag{name: f.Name, usage: usage, takesValue: !(isBool && bf.IsBoolFlag())}
				cf.fileValue = cf.takesValue && (f.Name == "config" || f.Name == "vocabulary" || f.Name == "data" || f.Name == "dir")
				cc.flags = append(cc.flags, cf)
			})
		}
		spec = append(spec, cc)
	}
	return spec
}

func commandWords(spec []completionCmd) string {
	names := make([]string, 0, len(spec)+1)
	for _, c := range spec {
		names = append(names, c.name)
	}
	return strings.Join(append(names, "help"), " ")
}

func writeBashCompletion(w io.Writer, spec []completionCmd) error {
	var b strings.Builder
	fmt.Fprintf(&b, `# bash completion for wirewatch; made by: wirewatch completion bash
_wirewatch() {
    local cur prev cmd
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    COMPREPLY=()
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "%s --help --version" -- "$cur"))
        return
    fi
    cmd="${COMP_WORDS[1]}"
    case "$cmd" in
        help)
            [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W "%s" -- "$cur"))
            return ;;
`, commandWords(spec), commandWords(spec))
	for _, c := range spec {
		var names, fileFlags, valueFlags []string
		for _, f := range c.flags {
			names = append(names, "--"+f.name)
			switch {
			case f.fileValue:
				fileFlags = append(fileFlags, "-"+f.name, "--"+f.name)
			case f.takesValue:
				valueFlags = append(valueFlags, "-"+f.name, "--"+f.name)
			}
		}
		fmt.Fprintf(&b, "        %s)\n            case \"$prev\" in\n", c.name)
		if len(fileFlags) > 0 {
			fmt.Fprintf(&b, "                %s) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", strings.Join(fileFlags, "|"))
		}
		if len(valueFlags) > 0 {
			fmt.Fprintf(&b, "                %s) return ;;\n", strings.Join(valueFlags, "|"))
		}
		fmt.Fprintf(&b, "            esac\n")
		fmt.Fprintf(&b, "            if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); return; fi\n", strings.Join(append(names, "--help"), " "))
		if len(c.verbs) > 0 {
			fmt.Fprintf(&b, "            if [[ $COMP_CWORD -eq 2 ]]; then COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); return; fi\n", strings.Join(c.verbs, " "))
		}
		if c.files {
			// after the verb, for a command with verbs (feeds import FILE)
			fmt.Fprintf(&b, "            COMPREPLY=($(compgen -f -- \"$cur\"))\n")
		}
		fmt.Fprintf(&b, "            ;;\n")
	}
	fmt.Fprintf(&b, "    esac\n}\ncomplete -F _wirewatch wirewatch\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// zshDescribe is a name:description entry of a _describe list, quoted:
// the first colon separates them, so one in the name is escaped.
func zshDescribe(name, desc string) string {
	q := strings.NewReplacer("'", `'\''`)
	return "'" + q.Replace(strings.ReplaceAll(name, ":", `\:`)) + ":" + q.Replace(desc) + "'"
}

func writeZshCompletion(w io.Writer, spec []completionCmd) error {
	var b strings.Builder
	fmt.Fprintf(&b, "#compdef wirewatch\n# zsh completion for wirewatch; made by: wirewatch completion zsh\n\n_wirewatch() {\n    local -a commands\n    commands=(\n")
	for _, c := range spec {
		fmt.Fprintf(&b, "        %s\n", zshDescribe(c.name, c.summary))
	}
	fmt.Fprintf(&b, "        'help:a command'\\''s usage, flags and examples'\n    )\n")
	fmt.Fprintf(&b, "    if (( CURRENT == 2 )); then\n        _describe -t commands 'wirewatch command' commands\n        return\n    fi\n")
	fmt.Fprintf(&b, "    local cmd=$words[2]\n    shift words\n    (( CURRENT-- ))\n    case $cmd in\n")
	fmt.Fprintf(&b, "        help)\n            _describe -t commands 'wirewatch command' commands ;;\n")
	for _, c := range spec {
		fmt.Fprintf(&b, "        %s)\n            _arguments -s", c.name)
		for _, f := range c.flags {
			// -config and --config alike, each offered once: the
			// exclusion list stops the other after one is given.
			names := fmt.Sprintf("'(-%[1]s --%[1]s)'{-,--}%[1]s", f.name)
			desc := "[" + strings.NewReplacer("[", `\[`, "]", `\]`, "'", `'\''`).Replace(f.usage) + "]"
			switch {
			case f.fileValue:
				fmt.Fprintf(&b, " \\\n                %s'%s:file:_files'", names, desc)
			case f.takesValue:
				fmt.Fprintf(&b, " \\\n                %s'%s:value: '", names, desc)
			default:
				fmt.Fprintf(&b, " \\\n                %s'%s'", names, desc)
			}
		}
		if len(c.verbs) > 0 {
			fmt.Fprintf(&b, " \\\n                '1:%s:(%s)'", c.name+" word", strings.Join(c.verbs, " "))
		}
		if c.files {
			fmt.Fprintf(&b, " \\\n                '*:file:_files'")
		}
		fmt.Fprintf(&b, " ;;\n")
	}
	fmt.Fprintf(&b, "    esac\n}\n\n_wirewatch \"$@\"\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// fishQuote quotes s for fish, single-quoted.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func writeFishCompletion(w io.Writer, spec []completionCmd) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# fish completion for wirewatch; made by: wirewatch completion fish\ncomplete -c wirewatch -f\n")
	fmt.Fprintf(&b, "complete -c wirewatch -n __fish_use_subcommand -l version -d 'print the version'\n")
	fmt.Fprintf(&b, "complete -c wirewatch -n __fish_use_subcommand -a help -d %s\n", fishQuote("a command's usage, flags and examples"))
	fmt.Fprintf(&b, "complete -c wirewatch -n '__fish_seen_subcommand_from help' -a %s\n", fishQuote(commandWords(spec)))
	for _, c := range spec {
		fmt.Fprintf(&b, "complete -c wirewatch -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.summary))
		cond := fishQuote("__fish_seen_subcommand_from " + c.name)
		if len(c.verbs) > 0 {
			fmt.Fprintf(&b, "complete -c wirewatch -n %s -a %s\n", fishQuote(fmt.Sprintf("__fish_seen_subcommand_from %s; and not __fish_seen_subcommand_from %s", c.name, strings.Join(c.verbs, " "))), fishQuote(strings.Join(c.verbs, " ")))
		}
		if c.files && len(c.verbs) > 0 {
			// after the verb (feeds import FILE)
			fmt.Fprintf(&b, "complete -c wirewatch -n %s -F\n", fishQuote(fmt.Sprintf("__fish_seen_subcommand_from %s; and __fish_seen_subcommand_from %s", c.name, strings.Join(c.verbs, " "))))
		} else if c.files {
			fmt.Fprintf(&b, "complete -c wirewatch -n %s -F\n", cond)
		}
		for _, f := range c.flags {
			line := fmt.Sprintf("complete -c wirewatch -n %s -l %s -o %s -d %s", cond, f.name, f.name, fishQuote(f.usage))
			switch {
			case f.fileValue:
				line += " -r -F"
			case f.takesValue:
				line += " -x"
			}
			fmt.Fprintln(&b, line)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
