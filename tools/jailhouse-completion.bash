# bash completion for jailhouse(8), installed as
# $(completionsdir)/jailhouse.  It follows the grammar of tools/cli.c:
# commands, sub-commands and options; running cells by name (read from
# /sys/devices/jailhouse/cells/*/name, JAILHOUSE_SYSFS overrides the root
# for tests); files where a config, image or kernel is expected.

_jailhouse_sysfs()
{
	echo "${JAILHOUSE_SYSFS:-/sys/devices/jailhouse}"
}

# Names of the cells there are, and with --ids their IDs as well.
_jailhouse_cells()
{
	local dir name
	for dir in "$(_jailhouse_sysfs)"/cells/*; do
		[ -r "$dir/name" ] || continue
		read -r name <"$dir/name" && printf '%s\n' "$name"
		[ "${1:-}" != --ids ] || printf '%s\n' "${dir##*/}"
	done
}

# Adds the files (directories to walk into, and files matching the glob
# $1 if given) completing the current word.
_jailhouse_files()
{
	local IFS=$'\n'
	if [ -n "${1:-}" ]; then
		COMPREPLY+=($(compgen -f -X "!$1" -- "$cur"))
		COMPREPLY+=($(compgen -d -- "$cur"))
	else
		COMPREPLY+=($(compgen -f -- "$cur"))
	fi
	compopt -o filenames 2>/dev/null
}

# cell start/shutdown/destroy/stats/load: { ID | [--name] NAME }
_jailhouse_cell_ref()
{
	local IFS=$'\n'
	COMPREPLY=($(compgen -W "$(_jailhouse_cells --ids)"$'\n'--name -- "$cur"))
}

_jailhouse()
{
	local cur prev cmd sub nargs i
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	cmd=${COMP_WORDS[1]:-}
	sub=${COMP_WORDS[2]:-}

	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "enable disable console cell config \
			hardware --help --version" -- "$cur"))
		return
	fi

	case $cmd in
	enable)
		[ "$COMP_CWORD" -eq 2 ] && _jailhouse_files '*.cell'
		;;
	disable)
		;;
	console)
		[ "$COMP_CWORD" -eq 2 ] &&
			COMPREPLY=($(compgen -W "-f --follow" -- "$cur"))
		;;
	cell)
		if [ "$COMP_CWORD" -eq 2 ]; then
			COMPREPLY=($(compgen -W "create list load start \
				shutdown destroy linux stats" -- "$cur"))
			return
		fi
		case $sub in
		create)
			[ "$COMP_CWORD" -eq 3 ] && _jailhouse_files '*.cell'
			;;
		start | shutdown | destroy | stats)
			if [ "$COMP_CWORD" -eq 3 ]; then
				_jailhouse_cell_ref
			elif [ "$COMP_CWORD" -eq 4 ] && [ "$prev" = --name ]; then
				local IFS=$'\n'
				COMPREPLY=($(compgen -W "$(_jailhouse_cells)" \
					-- "$cur"))
			fi
			;;
		load)
			if [ "$COMP_CWORD" -eq 3 ]; then
				_jailhouse_cell_ref
			elif [ "$COMP_CWORD" -eq 4 ] && [ "$prev" = --name ]; then
				local IFS=$'\n'
				COMPREPLY=($(compgen -W "$(_jailhouse_cells)" \
					-- "$cur"))
			else
				case $prev in
				-a | --address | -s | --string)
					;;
				*)
					COMPREPLY=($(compgen -W "-s --string \
						-a --address" -- "$cur"))
					[[ $cur == -* ]] || _jailhouse_files
					;;
				esac
			fi
			;;
		linux)
			case $prev in
			-d | -i | -w)
				_jailhouse_files
				;;
			-a)
				COMPREPLY=($(compgen -W "arm64" -- "$cur"))
				;;
			-c | -k)
				;;
			*)
				if [[ $cur == -* ]]; then
					COMPREPLY=($(compgen -W "-h --help -d \
						--dtb -i --initrd -c --cmdline \
						-w --write-params -a --arch \
						-k --kernel-decomp-factor" \
						-- "$cur"))
				else
					_jailhouse_files
				fi
				;;
			esac
			;;
		esac
		;;
	config)
		if [ "$COMP_CWORD" -eq 2 ]; then
			COMPREPLY=($(compgen -W "create collect check" \
				-- "$cur"))
			return
		fi
		case $sub in
		create)
			case $prev in
			-r | --root | -t | --template-dir)
				COMPREPLY=($(compgen -d -- "$cur"))
				compopt -o filenames 2>/dev/null
				;;
			-c | --console | --mem-inmates | --mem-hv)
				;;
			*)
				if [[ $cur == -* ]]; then
					COMPREPLY=($(compgen -W "-h --help -g \
						--generate-collector -r --root \
						-t --template-dir -c --console \
						--mem-inmates --mem-hv" -- "$cur"))
				else
					_jailhouse_files '*.c'
				fi
				;;
			esac
			;;
		collect)
			[ "$COMP_CWORD" -eq 3 ] && _jailhouse_files '*.tar'
			;;
		check)
			if [[ $cur == -* ]]; then
				COMPREPLY=($(compgen -W "-h --help" -- "$cur"))
			else
				_jailhouse_files '*.cell'
			fi
			;;
		esac
		;;
	hardware)
		[ "$COMP_CWORD" -eq 2 ] &&
			COMPREPLY=($(compgen -W "check" -- "$cur"))
		;;
	esac
	return 0
}

complete -F _jailhouse jailhouse
