# SPDX-License-Identifier: GPL-2.0
"""The tables of run-el2-bench: EL2 path lengths per exit against the
targets, the inmate's timer path and latency beside bare metal, and the
per-function profile.  Only formats what the run measured."""

TARGET = 100		# EL2 instructions per forwarded IRQ and per hypercall


def summary(values):
	"""n, min, median (the lower one of an even count), max"""
	ordered = sorted(values)
	return (len(ordered), ordered[0], ordered[(len(ordered) - 1) // 2],
		ordered[-1])


def report_cell(cell, have_hyp):
	"""The inmate's rows; returns True if a target was missed."""
	missed = False
	line = '%-34s %9s %-10s %8s %9s %9s  %s'
	if cell:
		short, long = cell['windows']
		method = ('gic-demo in a cell on CPU %d, its ticks in %d s vs '
			  '%d s of idle root (%d vs %d ticks), CPU %d only' %
			  (cell['cpu'], cell['seconds'][0], cell['seconds'][1],
			   short.ticks, long.ticks, cell['cpu']))
		value = cell['irq_path']
		target = '%s <=%d' % (verdict(value, have_hyp), TARGET)
		missed |= verdict(value, have_hyp) == 'MISS'
		print(line % ('inmate timer IRQ (forwarded)', fmt(value),
			      target, fmt(cell['irq_per_tick'], 2),
			      fmt(cell['insns_per_tick']), 'n/a',
			      method + '; irq vector'))
		exits = cell['exits_per_tick']
		ok = exits == 1 and cell['entries_per_tick'] == 1
		missed |= not ok
		print(line % ('inmate exits per timer tick', '',
			      '%s =1' % ('PASS' if ok else 'MISS'),
			      fmt(cell['entries_per_tick'], 2), '',
			      fmt(exits, 2), 'same windows; exits/ev: all '
			      'vector entries of CPU %d, counter/ev: the '
			      'cell\'s vmexits_total (windows alone: %s and %s)'
			      % (cell['cpu'], fmt(short.exits / short.ticks, 2),
				 fmt(long.exits / long.ticks, 2))))
	return missed


def report_latency(cell, bare, bare_skip):
	if not cell and not bare:
		return
	print()
	print('gic-demo latency ("Timer fired, jitter: X ns"), steady state, '
	      'QEMU -icount shift=0,sleep=off (1 insn = 1 ns, timer tick = 16 ns)')
	print()
	lat = '%-34s %6s %8s %8s %8s  %s'
	print(lat % ('where', 'events', 'min ns', 'median', 'max ns', 'method'))
	print('-' * 100)
	rows = []
	if cell:
		rows.append(('in a cell (this hypervisor)', cell['jitter'],
			     'the ticks of both windows above; the first %d '
			     '(start, settling) not counted' % cell['skipped']))
	if bare:
		rows.append(('bare metal (no hypervisor)', bare,
			     'inmates/tests/run-bare-metal --icount, events '
			     '%d..%d' % (bare_skip + 1,
					 bare_skip + len(bare))))
	for name, values, method in rows:
		n, lo, med, hi = summary(values)
		print(lat % (name, n, lo, med, hi, method))
	if cell and bare:
		print(lat % ('added by the hypervisor', '',
			     summary(cell['jitter'])[1] - summary(bare)[1],
			     summary(cell['jitter'])[2] - summary(bare)[2],
			     summary(cell['jitter'])[3] - summary(bare)[3],
			     'cell minus bare metal'))
	print('Jailhouse itself on QEMU (reference): 241 ns median (15 ticks) '
	      'in a cell, 48 ns bare metal.')


def fmt(x, digits=1):
	if x is None:
		return 'n/a'
	if abs(x - round(x)) < 1e-9:
		return '%d' % round(x)
	return '%.*f' % (digits, x)


def verdict(value, have_hyp):
	if not have_hyp or value is None:
		return '-'
	return 'PASS' if value <= TARGET else 'MISS'


def report(results, have_hyp, vectors_known, secs, cell, bare, tick_event,
	   bare_skip):
	"""Print the table; returns True if a target was missed.  tick_event:
	the plugin event of the inmate's ticks (not listed with the others);
	bare_skip: the bare-metal events not counted at the start."""
	missed = False

	def path(per, cls):
		p = per['path'].get(cls)
		return (p[0], p[1]) if p and vectors_known else (None, None)

	rows = []
	n, per = results['sysfs-read']
	rows.append(('hypercall (HYPERVISOR_GET_INFO)', per, 'sync',
		     'hypercall', True,
		     '%d vs %d reads of mem_pool_used, CPU 0' % (n, 2 * n)))
	n, per = results['timer']
	rows.append(('forwarded IRQ (arch timer)', per, 'irq', 'virt_irq',
		     True, '%d vs %d sleeps of 1 ms, CPU 1' % (n, 2 * n)))
	n, per = results['ipi']
	rows.append(('trapped SGI (ICC_SGI1R_EL1 write)', per, 'sync',
		     'virt_sgi', False,
		     '%d vs %d membarrier() IPIs, CPU 0 -> 1' % (n, 2 * n)))
	rows.append(('  its delivery: IRQ on the target', per, 'irq',
		     'virt_irq', False, 'same windows'))

	print()
	print('EL2 path lengths: QEMU TCG -icount shift=0, el2count plugin, '
	      'each load at N and 2N events, (2N - N) / N')
	print()
	line = '%-34s %9s %-10s %8s %9s %9s  %s'
	hdr = line % ('event', 'EL2/exit', 'target', 'exits/ev', 'EL2/event',
		      'counter/ev', 'method')
	print(hdr)
	print('-' * len(hdr))
	for name, per, cls, counter, judged, method in rows:
		plen, exits = path(per, cls)
		value = plen if vectors_known else per['insns']
		target = 'info'
		if judged:
			target = '%s <=%d' % (verdict(value, have_hyp), TARGET)
			missed |= verdict(value, have_hyp) == 'MISS'
		count = per['exits'].get(counter)
		print(line % (name, fmt(plen), target, fmt(exits, 2),
			      fmt(per['insns']), fmt(count, 2) if count is not None
			      else 'n/a', method + ('; %s vector' % cls)))
	# Idle is not differenced: its exits are a handful of sporadic kernel
	# timers, and one more or less in the shorter window swamps the
	# difference.  The long window alone, after the settling in el2-bench,
	# gives the rates; the counter also includes the exits of reading it
	# and of starting el2-bench (some 40, spread over the window).
	n, per = results['idle']
	long = per['long']
	seconds = 2.0 * n
	entries = sum(e for _, e in long.cls.values())
	total = long.exits.get('total')
	print(line % ('idle root, per second', '', 'info',
		      fmt(entries / seconds, 1) if vectors_known else 'n/a',
		      fmt(long.insns / seconds, 0),
		      fmt(total / seconds, 1) if total is not None else 'n/a',
		      'sleep %d s on CPU 0; counter: vmexits_total' % (2 * n)))
	missed |= report_cell(cell, have_hyp)
	print()
	print('EL2/exit: instructions from entering the lower-EL vector of '
	      'that kind (irq or sync)')
	print('  up to the next vector entry, per entry: the path length of '
	      'one exit (judged).')
	print('exits/ev: such vector entries per event; EL2/event: all '
	      'hypervisor instructions per')
	print('  event, background included (e.g. timer ticks); counter/ev: '
	      'the root cell\'s vmexit')
	print('  counter (hypercall, virt_irq, virt_sgi) per event.  Targets: '
	      '<= %d EL2 instructions' % TARGET)
	print('  per forwarded IRQ and per hypercall.  Idle: exits/ev and '
	      'EL2/event are per second.')
	if cell:
		print('Inmate rows: "event" is one timer tick of gic-demo (its '
		      'IRQ handler ran, counted by the')
		print('  plugin on the cell\'s CPU), (long window - short window) '
		      '/ (their tick difference);')
		print('  target: exactly one exit per tick, by both counts.')
	print('Host time of the run: %.0f s.' % secs)
	# Each load must cause the one exit it is meant to measure; with a
	# smoke-sized N one stray exit is already 1/N, so only real runs are
	# checked.
	if have_hyp and vectors_known and results['sysfs-read'][0] >= 100:
		for kind, cls, low, high in (('sysfs-read', 'sync', 0.95, 1.05),
					     ('timer', 'irq', 0.95, 2.0),
					     ('ipi', 'sync', 0.95, 1.05)):
			exits = results[kind][1]['path'].get(cls, (None, 0))[1]
			if not low <= exits <= high:
				print('warning: %s caused %s %s exits per event, '
				      'expected %g..%g: its row is not what it '
				      'says' % (kind, fmt(exits, 2), cls, low, high))
	event_names = sorted(set(k for _, per in results.values()
				 for k in per['events'] if k != tick_event))
	if event_names:
		print()
		print('Guest events per benchmark event (plugin, differenced):')
		print('%-12s' % 'phase' + ''.join(' %15s' % e for e in event_names))
		for kind, (_, per) in results.items():
			if kind == 'cell-idle':
				continue
			print('%-12s' % kind + ''.join(
				' %15s' % fmt(per['events'].get(e), 2)
				for e in event_names))
	foreign = sum(per['foreign'] for _, per in results.values())
	if foreign:
		print('note: %d instructions at hypervisor addresses did not match '
		      'jailhouse.bin (other address spaces) and were not counted'
		      % foreign)
	if not have_hyp:
		print('note: --no-hypervisor: tooling check only, the hypervisor '
		      'was not enabled')
	report_latency(cell, bare, bare_skip)
	return missed


def parse_profiles(text):
	"""{snapshot seq: {offset: count since the previous snapshot}}"""
	profs = {}
	for line in text.splitlines():
		if not line.startswith('prof '):
			continue
		words = line.split()
		profs[int(words[1])] = {int(o, 16): int(c) for o, c in
					(w.split(':') for w in words[2:])}
	return profs


def function_of(funcs, addr):
	lo, hi = 0, len(funcs)
	while lo < hi:
		mid = (lo + hi) // 2
		if funcs[mid][0] <= addr:
			lo = mid + 1
		else:
			hi = mid
	return funcs[lo - 1][1] if lo else '?'


def print_profile(phases, text, base, funcs, top=12):
	"""funcs: the hypervisor's code symbols, (address, name) sorted"""
	profs = parse_profiles(text)
	print()
	print('Where the EL2 instructions of one event go (per function, '
	      '(2N - N) / N, top %d):' % top)
	for i in range(0, len(phases), 2):
		kind, _, n = phases[i]
		if kind in ('idle', 'cell-idle'):
			continue
		small = profs.get(2 * i + 1, {})
		big = profs.get(2 * i + 3, {})
		per_func = {}
		for off in set(small) | set(big):
			name = function_of(funcs, base + off)
			per_func[name] = per_func.get(name, 0) + \
				big.get(off, 0) - small.get(off, 0)
		ranked = sorted(per_func.items(), key=lambda kv: -kv[1])
		print('  %s:' % kind)
		for name, count in ranked[:top]:
			if count / n >= 0.5:
				print('    %8s  %s' % (fmt(count / n), name))
