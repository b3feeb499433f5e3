# SPDX-License-Identifier: GPL-2.0
"""A scenario of tests/qemu/run: the QEMU boot it wants and its steps.

Scenario format (one QEMU boot per file, lines processed in order):

    # a comment                 only whole lines; '#' elsewhere is literal
    qemu -cpu cortex-a53        QEMU options; -machine/-M, -cpu, -smp and -m
                                replace the default, anything else is added
    append console=ttyAMA0 ...  replace the kernel command line
    append+ nokaslr             add words to the kernel command line
    boot-timeout 90             seconds until the shell must be ready (60)
    initrd+ build/qemu/X.cpio.gz  append an initramfs part (a path below
                                the top of the tree) to the root's
                                initramfs for this scenario only, e.g.
                                big test data no other scenario needs
    timeout 30                  before the first step: the default per-step
                                timeout (30); after a step: that step's
    run <shell command>         run a command in the guest shell (eval'd,
                                so pipes, ';', '&&', cd, etc. all work)
    send <text>                 type a line into the shell without waiting
                                for anything (for interactive programs)
    send-uart <text>            type a line into the UART (PL011 receive
                                side), e.g. to make it interrupt; the guest
                                sees it only on an open /dev/ttyAMA0
    expect <regex>              wait until the regex matches the console
                                output of the current step (every line of
                                the shell and of the UART printed after the
                                command was started, including asynchronous
                                hypervisor, inmate or kernel messages),
                                within the step's timeout
    expect-not <regex>          the regex must not match that output, checked
                                once the command returned and every expect
                                of the step matched
    expect-rc <n>|any           required exit status of the step's command;
                                a run without expect-rc must exit with 0

Regexes are Python's, matched with re.MULTILINE against the console lines
(joined by newlines, carriage returns and terminal escape sequences
removed); use (?i) for case-insensitive matching.  A line holds the output
of one channel only; lines of the two channels are in the order they were
read, which within a step need not be the order they were printed in: a
regex spanning lines ((?s), \\n) is also tried on each channel's lines
alone, so several lines of the shell's output match as printed.  An expect
before the first step matches the boot log.
"""

import os
import re
import shlex

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
	os.path.abspath(__file__))))
KERNEL = os.environ.get('QEMU_KERNEL',
	os.path.join(ROOT, '.cache', 'kernel', 'vmlinuz'))
QEMU = os.environ.get('QEMU', 'qemu-system-aarch64')

DEFAULT_OPTIONS = [
	('-machine', 'virt,virtualization=on,gic-version=3,its=off'),
	('-cpu', 'cortex-a57'),
	('-smp', '4'),
	('-m', '1G'),
]
OPTION_ALIASES = {'-M': '-machine'}
DEFAULT_APPEND = 'console=ttyAMA0 kvm-arm.mode=none mem=768M quiet'
DEFAULT_BOOT_TIMEOUT = 60.0
DEFAULT_STEP_TIMEOUT = 30.0

# Added to every kernel command line, also one a scenario replaced: /init
# then runs the shell on the virtio console.
SHELL_ON_HVC = 'jh.shell=hvc0'


class ScenarioError(Exception):
	pass


class Step:
	def __init__(self, kind, text, lineno, timeout):
		self.kind = kind	# 'boot', 'run' or 'send'
		self.text = text
		self.lineno = lineno
		self.timeout = timeout
		self.expects = []
		self.expects_not = []
		self.rc = 0 if kind == 'run' else None

	def describe(self):
		if self.kind == 'boot':
			return 'boot'
		text = self.text if len(self.text) <= 60 else self.text[:57] + '...'
		return 'line %d `%s`' % (self.lineno, text)


class Scenario:
	def __init__(self, path):
		self.path = path
		self.name = os.path.splitext(os.path.basename(path))[0]
		self.options = list(DEFAULT_OPTIONS)
		self.extra_args = []
		self.append = DEFAULT_APPEND
		self.boot_timeout = DEFAULT_BOOT_TIMEOUT
		self.step_timeout = DEFAULT_STEP_TIMEOUT
		self.steps = []
		self.initrd_parts = []
		self.parse()

	def error(self, lineno, msg):
		raise ScenarioError('%s:%d: %s' % (self.path, lineno, msg))

	def add_qemu_args(self, lineno, text):
		try:
			args = shlex.split(text)
		except ValueError as e:
			self.error(lineno, 'qemu: %s' % e)
		i = 0
		while i < len(args):
			opt = OPTION_ALIASES.get(args[i], args[i])
			known = [o for o, _ in self.options]
			if opt in known:
				if i + 1 >= len(args):
					self.error(lineno, '%s needs a value' % opt)
				self.options[known.index(opt)] = (opt, args[i + 1])
				i += 2
			else:
				self.extra_args.append(args[i])
				i += 1

	def parse(self):
		boot = Step('boot', '', 0, None)
		current = boot
		with open(self.path) as f:
			lines = f.read().splitlines()
		for lineno, line in enumerate(lines, 1):
			stripped = line.strip()
			if not stripped or stripped.startswith('#'):
				continue
			parts = stripped.split(None, 1)
			word = parts[0]
			arg = parts[1].strip() if len(parts) > 1 else ''
			if word in ('run', 'send', 'send-uart'):
				if not arg:
					self.error(lineno, '%s needs a command' % word)
				current = Step(word, arg, lineno, None)
				self.steps.append(current)
			elif word == 'initrd+':
				if not arg:
					self.error(lineno, 'initrd+ needs a file')
				self.initrd_parts.append(os.path.join(ROOT, arg))
			elif word in ('expect', 'expect-not'):
				if not arg:
					self.error(lineno, '%s needs a regex' % word)
				try:
					regex = re.compile(arg, re.MULTILINE)
				except re.error as e:
					self.error(lineno, 'bad regex: %s' % e)
				if word == 'expect':
					current.expects.append(regex)
				else:
					current.expects_not.append(regex)
			elif word == 'expect-rc':
				if current.kind != 'run':
					self.error(lineno, 'expect-rc must follow a run')
				if arg == 'any':
					current.rc = None
				elif arg.isdigit():
					current.rc = int(arg)
				else:
					self.error(lineno, 'expect-rc takes a number or "any"')
			elif word in ('timeout', 'boot-timeout'):
				try:
					value = float(arg)
				except ValueError:
					self.error(lineno, '%s takes seconds' % word)
				if word == 'boot-timeout':
					self.boot_timeout = value
				elif current is boot:
					self.step_timeout = value
				else:
					current.timeout = value
			elif word == 'qemu':
				self.add_qemu_args(lineno, arg)
			elif word == 'append':
				self.append = arg
			elif word == 'append+':
				self.append = (self.append + ' ' + arg).strip()
			else:
				self.error(lineno, 'unknown keyword "%s"' % word)
		for step in self.steps:
			if step.timeout is None:
				step.timeout = self.step_timeout
		boot.timeout = self.boot_timeout
		self.boot = boot

	def qemu_command(self, initrd, shell_socket):
		cmd = [QEMU]
		for opt, value in self.options:
			cmd += [opt, value]
		append = self.append
		if SHELL_ON_HVC not in append.split():
			append = (append + ' ' + SHELL_ON_HVC).strip()
		# The console is the first PL011 on our stdio, without QEMU's
		# monitor multiplexer.  The shell gets a virtio console of its
		# own (virtio-serial-device: on virtio-mmio, what `virt` has),
		# connected to shell_socket, where we listen.  It sits on the
		# first transport (0x0a000000, INTID 48): left to itself QEMU
		# takes the last one, INTID 79, which a cell may want.
		cmd += ['-display', 'none', '-monitor', 'none', '-serial', 'stdio',
			'-device', 'virtio-serial-device,bus=virtio-mmio-bus.0',
			'-chardev', 'socket,id=shell,path=' + shell_socket,
			'-device', 'virtconsole,chardev=shell',
			'-nic', 'none', '-no-reboot',
			'-kernel', KERNEL, '-initrd', initrd, '-append', append]
		return cmd + self.extra_args
