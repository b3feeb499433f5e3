# SPDX-License-Identifier: GPL-2.0
"""The guest's consoles as tests/qemu/run reads them: one QEMU process,
its UART and its virtio-console shell merged into one list of lines that
the steps' expects are matched against."""

import os
import re
import shlex
import socket
import subprocess
import sys
import threading
import time

from scenario import ROOT

TAIL_LINES = 40

# The sources of the console lines.
UART, SHELL, NOTE = 'uart', 'shell', 'note'
PANIC = re.compile(r'Kernel panic - not syncing.*')
# The runner's own marker lines in the shell's output.
MARKER = re.compile(r'@@(?:STEP-\d+|RC-\d+=\d+|SHELL)')
RC_AT_END = re.compile(r'@@RC-\d+=\d+$')
ESCAPES = re.compile(r'\x1b(\[[0-9;?]*[ -/]*[@-~]|[@-Z\\-_])')


class StepFailed(Exception):
	pass


def clean_text(raw):
	text = raw.decode('utf-8', 'replace').replace('\r', '')
	return ESCAPES.sub('', text)


class Console:
	"""A running QEMU and every line its two channels printed so far.

	The UART (QEMU's stdio) carries the kernel's, the hypervisor's and the
	inmates' output; the shell channel (a virtio console, /dev/hvc0 in the
	guest, on a unix socket here) carries only the shell's.  Both go into
	one list of (source, text) lines in the order they were completed, so
	a line is never made of bytes of both channels however they interleave
	in time.  'note' lines are the runner's own remarks (what it typed):
	they go to the log and the tail, and are never matched.
	"""

	def __init__(self, cmd, sock, log_path, verbose):
		self.lines = []
		self.partial = {UART: b'', SHELL: b''}
		self.panic = None
		self.channels_open = 2
		self.eof = False
		self.conn = None
		self.cond = threading.Condition()
		self.started_wait = time.monotonic()
		self.log = open(log_path, 'wb')
		self.log.write(('# ' + ' '.join(shlex.quote(c) for c in cmd) +
				'\n# UART and virtio-console shell lines merged, '
				'"#>> " = what the runner typed into the shell\n'
				).encode())
		self.log.flush()
		self.verbose = verbose
		self.sock = sock
		self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
					     stdout=subprocess.PIPE,
					     stderr=subprocess.STDOUT,
					     cwd=ROOT)
		self.readers = [
			threading.Thread(target=self.uart_loop, daemon=True),
			threading.Thread(target=self.shell_loop, daemon=True),
		]
		for t in self.readers:
			t.start()

	def emit(self, source, text):
		"""Add one complete line; the caller holds self.cond."""
		self.lines.append((source, text))
		out = ('#>> ' + text if source == NOTE else text) + '\n'
		self.log.write(out.encode())
		if self.verbose:
			sys.stdout.write(out)
		if source == UART and self.panic is None:
			m = PANIC.search(text)
			if m:
				self.panic = m.group(0)

	def emit_shell(self, text):
		# A command whose output ends without a newline leaves the
		# exit-status marker at the end of its last line.
		m = RC_AT_END.search(text)
		if m and m.start() > 0:
			self.emit(SHELL, text[:m.start()])
			text = text[m.start():]
		self.emit(SHELL, text)

	def feed(self, source, data):
		with self.cond:
			buf = self.partial[source] + data
			*complete, self.partial[source] = buf.split(b'\n')
			for raw in complete:
				text = clean_text(raw)
				if source == SHELL:
					self.emit_shell(text)
				else:
					self.emit(UART, text)
			self.log.flush()
			if self.verbose:
				sys.stdout.flush()
			self.cond.notify_all()

	def finish(self):
		"""A channel closed.  QEMU is gone when both are: only then has
		all it printed been read."""
		with self.cond:
			self.channels_open -= 1
			self.eof = self.channels_open <= 0
			self.cond.notify_all()

	def pump(self, read, source):
		"""Feed what read() returns until the channel ends or fails."""
		while True:
			try:
				data = read(65536)
			except OSError:
				data = b''
			if not data:
				break
			self.feed(source, data)
		self.finish()

	def uart_loop(self):
		fd = self.proc.stdout.fileno()
		self.pump(lambda size: os.read(fd, size), UART)

	def shell_loop(self):
		# QEMU connects to our socket while it sets up its devices,
		# before the guest runs: nothing the shell prints is lost.
		self.sock.settimeout(0.2)
		conn = None
		while conn is None:
			try:
				conn, _ = self.sock.accept()
			except socket.timeout:
				if self.proc.poll() is not None:
					self.finish()
					return
			except OSError:
				self.finish()
				return
		conn.settimeout(None)
		with self.cond:
			self.conn = conn
		self.pump(conn.recv, SHELL)

	def position(self):
		with self.cond:
			return len(self.lines)

	def send(self, line, shown=None):
		"""Type a line into the guest shell."""
		with self.cond:
			self.emit(NOTE, shown or line)
			self.log.flush()
			conn = self.conn
		if conn is None:
			raise StepFailed('the shell channel is not connected')
		try:
			conn.sendall(line.encode() + b'\n')
		except OSError:
			raise StepFailed('QEMU is gone, cannot type into the shell')

	def send_uart(self, line):
		"""Type a line into the UART, i.e. QEMU's serial stdin."""
		with self.cond:
			self.emit(NOTE, 'uart< ' + line)
			self.log.flush()
		try:
			self.proc.stdin.write(line.encode() + b'\n')
			self.proc.stdin.flush()
		except OSError:
			raise StepFailed('QEMU is gone, cannot type into the UART')

	def find_shell_line(self, start, regex):
		"""(index, match) of the first shell line from start that
		regex matches entirely; the caller holds self.cond."""
		for i in range(start, len(self.lines)):
			source, text = self.lines[i]
			if source == SHELL:
				m = regex.fullmatch(text)
				if m:
					return i, m
		return None

	def texts(self, uart_from, shell_from):
		"""What expects match: UART lines from index uart_from and shell
		lines from shell_from, without the runner's markers, unfinished
		lines last; both merged in arrival order, and each channel on
		its own (so that a regex over several lines of one channel
		matches whatever the other printed in between).  The caller
		holds self.cond."""
		merged, own = [], {UART: [], SHELL: []}
		for i in range(min(uart_from, shell_from), len(self.lines)):
			source, text = self.lines[i]
			if source == UART and i >= uart_from:
				pass
			elif source == SHELL and i >= shell_from and \
					not MARKER.fullmatch(text):
				pass
			else:
				continue
			merged.append(text)
			own[source].append(text)
		for source in (UART, SHELL):
			if self.partial[source]:
				text = clean_text(self.partial[source])
				merged.append(text)
				own[source].append(text)
		return ['\n'.join(lines) + '\n' if lines else ''
			for lines in (merged, own[SHELL], own[UART])]

	def wait_for(self, predicate, deadline, what):
		"""Wait until predicate() (called with self.cond held) returns
		something other than None."""
		with self.cond:
			while True:
				found = predicate()
				if found is not None:
					return found
				if self.panic:
					raise StepFailed('%s (while waiting for %s)' %
							 (self.panic, what))
				if self.eof:
					rc = self.proc.poll()
					raise StepFailed('QEMU exited%s while waiting for %s'
							 % ('' if rc is None else
							    ' with status %d' % rc, what))
				left = deadline - time.monotonic()
				if left <= 0:
					raise StepFailed('%s not seen within %gs' %
							 (what, self.timeout_of(deadline)))
				# Under a flood of output, re-check at most every
				# 50 ms instead of once per line.
				checked = time.monotonic()
				self.cond.wait(min(left, 0.5))
				pause = checked + 0.05 - time.monotonic()
				if pause > 0:
					self.cond.wait(pause)

	def timeout_of(self, deadline):
		return round(deadline - self.started_wait, 1)

	def stop(self):
		if self.proc.poll() is None:
			self.proc.kill()
		try:
			self.proc.wait(timeout=10)
		except subprocess.TimeoutExpired:
			pass
		for t in self.readers:
			t.join(timeout=5)
		for f in (self.proc.stdin, self.proc.stdout, self.conn):
			try:
				if f is not None:
					f.close()
			except OSError:
				pass
		with self.cond:
			for source in (UART, SHELL):
				if self.partial[source]:
					self.emit(source,
						  clean_text(self.partial[source]))
					self.partial[source] = b''
			self.log.close()

	def tail(self, n=TAIL_LINES):
		with self.cond:
			lines = [('#>> ' + t if s == NOTE else t)
				 for s, t in self.lines[-n:]]
		return lines
