# SPDX-License-Identifier: GPL-2.0
"""The arithmetic of run-el2-bench: the el2count plugin's snapshots and the
guest's counter lines of each phase, differenced between the run with N
and the one with 2N events, and the inmate's two windows."""

import re

# the plugin event counted once per timer tick of gic-demo
TICK_EVENT = 'inmate_tick'
JITTER_RE = re.compile(r'Timer fired, jitter: +(\d+) ns')


class BenchError(Exception):
	pass


def tail(text, n=25):
	return '\n'.join('    | ' + l for l in text.rstrip('\n').split('\n')[-n:])


def parse_kv(words):
	kv = {}
	for w in words:
		if '=' in w:
			k, v = w.split('=', 1)
			kv[k] = v
	return kv


def parse_snaps(text):
	snaps = []
	for line in text.splitlines():
		words = line.split()
		if len(words) < 3 or words[0] != 'snap':
			continue
		kv = parse_kv(words[3:])
		snap = {'kind': words[2], 'insns': int(kv['insns']),
			'foreign': int(kv['foreign']), 'class': {},
			'event': {}, 'cpu': {}}
		for k, v in kv.items():
			m = re.fullmatch(r'cpu(\d+)\.(class|event)\.(.+)', k)
			if m:
				cpu = snap['cpu'].setdefault(int(m.group(1)),
					{'class': {}, 'event': {}})
				if m.group(2) == 'class':
					insns, entries = v.split('/')
					cpu['class'][m.group(3)] = (int(insns),
								    int(entries))
				else:
					cpu['event'][m.group(3)] = int(v)
			elif k.startswith('class.'):
				insns, entries = v.split('/')
				snap['class'][k[6:]] = (int(insns), int(entries))
			elif k.startswith('event.'):
				snap['event'][k[6:]] = int(v)
		snaps.append(snap)
	return [s for s in snaps if s['kind'] == 'marker']


def parse_console(console, phases):
	m = re.search(r'^BENCH enable (.*)$', console, re.M)
	if not m:
		raise BenchError('no enable result in the console:\n' +
				 tail(console))
	if m.group(1).startswith('failed'):
		raise BenchError('jailhouse enable failed in the guest:\n' +
				 tail(console, 40))
	errors = re.findall(r'^BENCH error .*$', console, re.M)
	if errors:
		raise BenchError('\n'.join(errors) + '\nconsole tail:\n' +
				 tail(console, 40))
	stats = {}
	for when in ('pre', 'post'):
		for m in re.finditer(r'^BENCH %s (\d+)(.*)$' % when, console,
				     re.M):
			stats[(when, int(m.group(1)))] = {
				k: int(v) for k, v in
				parse_kv(m.group(2).split()).items()}
	for i in range(len(phases)):
		if ('pre', i) not in stats or ('post', i) not in stats:
			raise BenchError('phase %d: no counter readings' % i)
	for m in re.finditer(r'^BENCH cell (\d+) before=(\d+) after=(\d+)$',
			     console, re.M):
		stats[('cell', int(m.group(1)))] = (int(m.group(2)),
						    int(m.group(3)))
	m = re.search(r'^BENCH cell-cpus (\d+)', console, re.M)
	if m:
		stats['cell-cpu'] = int(m.group(1))
	for i, (kind, _, _) in enumerate(phases):
		if kind == 'cell-idle' and (('cell', i) not in stats or
					    'cell-cpu' not in stats):
			raise BenchError('phase %d: no cell counter readings:\n%s'
					 % (i, tail(console, 40)))
	return stats


class Phase:
	"""What one phase (one el2-bench run) cost, from both sources."""

	def __init__(self, snap0, snap1, pre, post):
		self.insns = snap1['insns'] - snap0['insns']
		self.foreign = snap1['foreign'] - snap0['foreign']
		self.cls = {}
		for name, (i1, e1) in snap1['class'].items():
			i0, e0 = snap0['class'].get(name, (0, 0))
			self.cls[name] = (i1 - i0, e1 - e0)
		self.events = {k: v - snap0['event'].get(k, 0)
			       for k, v in snap1['event'].items()}
		self.exits = {k: post.get(k, 0) - pre.get(k, 0)
			      for k in set(pre) | set(post)}


def diff_phases(small, big, n):
	"""Per event: the 2N phase minus the N phase, over N."""
	per = {'insns': (big.insns - small.insns) / n,
	       'foreign': big.foreign - small.foreign, 'exits': {}, 'path': {}}
	per['events'] = {k: (v - small.events.get(k, 0)) / n
			 for k, v in big.events.items()}
	for k in big.exits:
		per['exits'][k] = (big.exits[k] - small.exits.get(k, 0)) / n
	for name in big.cls:
		i = big.cls[name][0] - small.cls[name][0]
		e = big.cls[name][1] - small.cls[name][1]
		per['path'][name] = (i / e if e > 0 else None, e / n)
	return per


def analyse(phases, snaps, stats):
	if len(snaps) != 2 * len(phases):
		raise BenchError('%d marker snapshots for %d phases (expected %d)'
				 % (len(snaps), len(phases), 2 * len(phases)))
	done = [Phase(snaps[2 * i], snaps[2 * i + 1], stats[('pre', i)],
		      stats[('post', i)]) for i in range(len(phases))]
	results = {}
	for i in range(0, len(phases), 2):
		kind, _, n = phases[i]
		per = diff_phases(done[i], done[i + 1], n)
		per['long'] = done[i + 1]	# the 2N phase on its own
		results[kind] = (n, per)
	return results


class CellWindow:
	"""One cell-idle phase, seen on the cell's CPU only."""

	def __init__(self, snap0, snap1, cpu, counter):
		empty = {'class': {}, 'event': {}}
		c0 = snap0['cpu'].get(cpu, empty)
		c1 = snap1['cpu'].get(cpu, empty)
		# cumulative handler runs: the indices of the inmate's lines
		self.first = c0['event'].get(TICK_EVENT, 0)
		self.end = c1['event'].get(TICK_EVENT, 0)
		self.ticks = self.end - self.first
		self.cls = {}
		for name in set(c0['class']) | set(c1['class']):
			i0, e0 = c0['class'].get(name, (0, 0))
			i1, e1 = c1['class'].get(name, (0, 0))
			self.cls[name] = (i1 - i0, e1 - e0)
		self.insns = sum(i for i, _ in self.cls.values())
		self.entries = sum(e for name, (_, e) in self.cls.items()
				   if name != 'other')
		self.exits = counter[1] - counter[0]


def analyse_cell(phases, snaps, stats, console):
	"""The inmate's rows: None if the plan had no cell phases."""
	idx = [i for i, (kind, _, _) in enumerate(phases) if kind == 'cell-idle']
	if not idx:
		return None
	cpu = stats['cell-cpu']
	short, long = [CellWindow(snaps[2 * i], snaps[2 * i + 1], cpu,
				  stats[('cell', i)]) for i in idx]
	res = {'cpu': cpu, 'seconds': (phases[idx[0]][2], phases[idx[1]][2]),
	       'windows': (short, long)}
	ticks = long.ticks - short.ticks
	if short.ticks <= 0 or ticks <= 0:
		raise BenchError('the inmate did not tick in the cell windows '
				 '(%d and %d handler runs on CPU %d)' %
				 (short.ticks, long.ticks, cpu))
	i_irq = long.cls.get('irq', (0, 0))[0] - short.cls.get('irq', (0, 0))[0]
	e_irq = long.cls.get('irq', (0, 0))[1] - short.cls.get('irq', (0, 0))[1]
	res['ticks'] = ticks
	res['irq_path'] = i_irq / e_irq if e_irq > 0 else None
	res['irq_per_tick'] = e_irq / ticks
	res['entries_per_tick'] = (long.entries - short.entries) / ticks
	res['insns_per_tick'] = (long.insns - short.insns) / ticks
	res['exits_per_tick'] = (long.exits - short.exits) / ticks
	jitters = [int(j) for j in JITTER_RE.findall(console)]
	if len(jitters) < long.end:
		raise BenchError('%d "Timer fired" lines on the console, but the '
				 'handler ran %d times: lines lost or garbled'
				 % (len(jitters), long.end))
	if 'Unexpected IRQ' in console:
		raise BenchError('gic-demo reported an unexpected IRQ')
	res['jitter'] = (jitters[short.first:short.end] +
			 jitters[long.first:long.end])
	res['skipped'] = short.first
	return res
