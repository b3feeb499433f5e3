# SPDX-License-Identifier: GPL-2.0
"""
Just enough of bitbake to run a recipe's tasks without it (bitbake is not
available offline here): the metadata syntax our layer uses (assignments
with = ?= ??= := += =+ .= =. and export, :append/:prepend/:remove and
machine, pn- and other overrides, name[flag], shell functions,
require/include (relative to the file, then BBPATH),
inherit of the layer's classes and of stand-ins for OE-core's, bbappends),
expansion of ${VAR} and ${@python}, the tasks as shell scripts, a file://
and local-git fetch, and do_package's split by PACKAGES/FILES with the
kernel-module split.  Used by tests/build/check-layer-recipes.
"""
import fnmatch
import glob
import os
import re
import shutil
import subprocess

ASSIGN = re.compile(
    r'^(export\s+)?([A-Za-z0-9_\-${}.+/~:]+?)(?:\[([A-Za-z0-9_\-]+)\])?\s*'
    r'(\?\?=|\?=|:=|\+=|=\+|\.=|=\.|=)\s*(["\'])(.*)\5\s*$', re.S)
FUNC = re.compile(r'^(python\s+)?([A-Za-z0-9_\-${}.:]+)\s*\(\s*\)\s*\{\s*$')
VARREF = re.compile(r'\$\{([A-Za-z0-9\-_+./~:]+)\}')
SUFFIX_OPS = ('append', 'prepend', 'remove')


class BBError(Exception):
    pass


class Data:
    """The datastore: operations recorded in parse order, resolved late."""

    def __init__(self, overrides=()):
        self.ops = {}		# name -> [(op, value)]
        self.flags = {}		# (name, flag) -> value
        self.exported = set()
        self.funcs = set()
        self.overrides = list(overrides)

    # ---- recording
    def record(self, name, op, value):
        if op == ':=':
            value = self.expand(value)
            op = '='
        self.ops.setdefault(name, []).append((op, value))

    def setVar(self, name, value):
        self.ops[name] = [('=', value)]

    # ---- resolution
    def _plain(self, name):
        val = None
        weak = None
        for op, v in self.ops.get(name, []):
            if op == '=':
                val = v
            elif op == '?=':
                if val is None:
                    val = v
            elif op == '??=':
                weak = v
            elif op == '+=':
                val = v if val is None else val + ' ' + v
            elif op == '=+':
                val = v if val is None else v + ' ' + val
            elif op == '.=':
                val = v if val is None else val + v
            elif op == '=.':
                val = v if val is None else v + val
        if val is None:
            val = weak
        return val

    def active(self):
        return [o for o in self.overrides if o] + \
            ['pn-' + (self._plain('PN') or '')]

    def raw(self, name):
        val = self._plain(name)
        for o in self.active():
            over = self._plain(name + ':' + o)
            if over is not None:
                val = over
        for suffix in SUFFIX_OPS:
            for key in [name + ':' + suffix] + \
                    [name + ':' + suffix + ':' + o for o in self.active()]:
                for op, v in self.ops.get(key, []):
                    if val is None:
                        val = ''
                    if suffix == 'append':
                        val += v
                    elif suffix == 'prepend':
                        val = v + val
                    else:
                        rm = set(self.expand(v).split())
                        val = ' '.join(w for w in self.expand(val).split()
                                       if w not in rm)
        return val

    def getVar(self, name, expand=True):
        v = self.raw(name)
        if v is None or not expand:
            return v
        return self.expand(v, {name})

    def getVarFlag(self, name, flag):
        return self.flags.get((name, flag))

    def expand(self, s, seen=frozenset()):
        out = []
        i = 0
        while True:
            j = s.find('${', i)
            if j < 0:
                out.append(s[i:])
                break
            out.append(s[i:j])
            if s.startswith('${@', j):
                depth, k = 0, j + 1
                while k < len(s):
                    if s[k] == '{':
                        depth += 1
                    elif s[k] == '}':
                        depth -= 1
                        if depth == 0:
                            break
                    k += 1
                code = self.expand(s[j + 3:k], seen)
                out.append(str(self.python(code)))
                i = k + 1
                continue
            m = VARREF.match(s, j)
            if not m:
                out.append('${')
                i = j + 2
                continue
            name = m.group(1)
            v = self.raw(name)
            if v is None or name in seen:
                out.append(m.group(0))
            else:
                out.append(self.expand(v, seen | {name}))
            i = m.end()
        return ''.join(out)

    def python(self, code):
        class Utils:
            @staticmethod
            def contains(var, item, t, f, d):
                have = set((d.getVar(var) or '').split())
                return t if set(item.split()) <= have else f

        class BB:
            utils = Utils

        return eval(code, {'d': self, 'bb': BB, 'os': os, 'oe': None})


def logical_lines(text):
    lines = text.split('\n')
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        while line.endswith('\\') and i < len(lines):
            line = line[:-1] + lines[i]
            i += 1
        yield line, lines, i


class Parser:
    def __init__(self, d, classdirs, stubs):
        self.d = d
        self.classdirs = classdirs
        self.stubs = stubs	# class name -> metadata text
        self.inherited = set()

    def parse_file(self, path):
        self.d.setVar('FILE', path)
        self.d.setVar('THISDIR', os.path.dirname(path))
        with open(path) as f:
            self.parse_text(f.read(), os.path.dirname(path))

    def parse_text(self, text, where):
        lines = text.split('\n')
        i = 0
        while i < len(lines):
            line = lines[i]
            i += 1
            m = FUNC.match(line)
            if m:
                body = []
                while i < len(lines) and lines[i].rstrip() != '}':
                    body.append(lines[i])
                    i += 1
                i += 1
                if not m.group(1):
                    name = self.d.expand(m.group(2))
                    self.d.setVar(name, '\n'.join(body))
                    self.d.funcs.add(name)
                continue
            while line.endswith('\\') and i < len(lines):
                line = line[:-1] + lines[i]
                i += 1
            s = line.strip()
            if not s or s.startswith('#'):
                continue
            words = s.split()
            if words[0] == 'inherit':
                for c in self.d.expand(' '.join(words[1:])).split():
                    self.inherit(c)
                continue
            if words[0] in ('require', 'include'):
                p = self.resolve(self.d.expand(words[1]), where)
                if os.path.exists(p):
                    self.parse_text(open(p).read(), os.path.dirname(p))
                elif words[0] == 'require':
                    raise BBError('require: no %s' % p)
                continue
            if words[0] == 'EXPORT_FUNCTIONS':
                continue
            m = ASSIGN.match(s)
            if not m:
                raise BBError('cannot parse: %s' % s)
            export, name, flag, op, _, value = m.groups()
            name = self.d.expand(name)
            if flag:
                self.d.flags[(name, flag)] = value
                continue
            if export:
                self.d.exported.add(name)
            self.d.record(name, op, value)

    def resolve(self, path, where):
        # as bitbake: the including file's directory first, then BBPATH
        if os.path.isabs(path):
            return path
        dirs = [where] + (self.d.getVar('BBPATH') or '').split(':')
        for d in dirs:
            if d and os.path.exists(os.path.join(d, path)):
                return os.path.join(d, path)
        return os.path.join(where, path)

    def inherit(self, name):
        if name in self.inherited:
            return
        self.inherited.add(name)
        for cd in self.classdirs:
            p = os.path.join(cd, name + '.bbclass')
            if os.path.exists(p):
                self.parse_text(open(p).read(), cd)
                return
        if name not in self.stubs:
            raise BBError('inherit %s: no such class here' % name)
        self.parse_text(self.stubs[name], '.')


def fetch(d, tree):
    """file:// entries from FILESPATH; git:// of a local tree (a copy of
    its tracked and new files, as a clone of the working tree would be)."""
    unpack = d.getVar('JH_UNPACKDIR') or d.getVar('UNPACKDIR')
    os.makedirs(unpack, exist_ok=True)
    paths = [p for p in (d.getVar('FILESEXTRAPATHS') or '').split(':') if p]
    base = d.getVar('THISRECIPEDIR')
    paths += [os.path.join(base, d.getVar('BPN')), os.path.join(base, 'files')]
    for uri in (d.getVar('SRC_URI') or '').split():
        kind, rest = uri.split('://', 1)
        loc = rest.split(';')[0]
        if kind == 'file':
            for p in paths:
                if os.path.exists(os.path.join(p, loc)):
                    shutil.copy(os.path.join(p, loc), unpack)
                    break
            else:
                raise BBError('fetch: %s not in FILESPATH %s' % (loc, paths))
        elif kind == 'git' and 'protocol=file' in rest:
            if os.path.realpath(loc) != os.path.realpath(tree):
                raise BBError('fetch: %s is not the tree under test' % loc)
            subprocess.run(['git', '-C', loc, 'rev-parse', 'HEAD'],
                           check=True, capture_output=True)
            dest = os.path.join(unpack, 'git')
            files = subprocess.run(
                ['git', '-C', loc, 'ls-files', '-co', '--exclude-standard',
                 '-z'], check=True, capture_output=True).stdout
            for f in files.decode().split('\0'):
                src = os.path.join(loc, f)
                if f and os.path.isfile(src):
                    os.makedirs(os.path.dirname(os.path.join(dest, f)),
                                exist_ok=True)
                    shutil.copy2(src, os.path.join(dest, f))
        else:
            raise BBError('fetch: cannot fetch %s here' % uri)


def task_script(d, task):
    out = ['set -e']
    for name in sorted(d.exported):
        v = d.getVar(name)
        if v is not None:
            out.append("export %s='%s'" % (name, v.replace("'", "'\\''")))
    for fn in sorted(d.funcs):
        if fn.startswith('do_') or ':' in fn:
            continue
        out.append('%s() {\n%s\n}' % (fn, d.getVar(fn)))
    body = [d.getVar(task + ':prepend') or '', d.getVar(task) or '',
            d.getVar(task + ':append') or '']
    out.append('%s() {\n%s\n}' % (task, '\n'.join(body)))
    dirs = d.expand(d.getVarFlag(task, 'dirs') or '${B}').split()
    out.append('cd "%s"' % dirs[-1])
    out.append(task)
    return '\n'.join(out) + '\n'


def run_task(d, task, log):
    if d.getVarFlag(task, 'noexec') == '1':
        return True
    for c in (d.getVarFlag(task, 'cleandirs') or '').split():
        c = d.expand(c)
        shutil.rmtree(c, ignore_errors=True)
        os.makedirs(c)
    os.makedirs(d.getVar('B'), exist_ok=True)
    script = task_script(d, task)
    with open(log, 'w') as f:
        f.write('### script\n' + script + '### output\n')
        f.flush()
        r = subprocess.run(['bash', '-c', script], stdout=f,
                           stderr=subprocess.STDOUT)
    return r.returncode == 0


def package(d):
    """do_package: every file of ${D} to the first package whose FILES
    matches it; .ko files to kernel-module-<name> first."""
    D = d.getVar('D')
    files = []
    for root, dirs, names in os.walk(D):
        for n in names:
            files.append('/' + os.path.relpath(os.path.join(root, n), D))
    pkgs = d.getVar('PACKAGES').split()
    patterns = {p: (d.getVar('FILES:' + p) or '').split() for p in pkgs}
    result = {p: [] for p in pkgs}
    for f in sorted(files):
        if f.endswith('.ko') and '/lib/modules/' in f:
            mod = os.path.basename(f)[:-3].replace('_', '-').lower()
            result.setdefault('kernel-module-' + mod, []).append(f)
            continue
        for p in pkgs:
            if any(f == pat or f.startswith(pat.rstrip('/') + '/') or
                   fnmatch.fnmatch(f, pat) for pat in patterns[p]):
                result[p].append(f)
                break
        else:
            result.setdefault(None, []).append(f)
    unshipped = result.pop(None, [])
    made = {p: v for p, v in result.items()
            if v or d.getVar('ALLOW_EMPTY:' + p) == '1'}
    return made, unshipped


def stage_sysroot(d, sysroot):
    """What a dependency's do_populate_sysroot gives its users."""
    D = d.getVar('D')
    for sd in (d.getVar('SYSROOT_DIRS') or '').split():
        src = D + sd
        if os.path.isdir(src):
            shutil.copytree(src, sysroot + sd, dirs_exist_ok=True)
    return glob.glob(sysroot + '/**', recursive=True)
