"""What the probes (probe_forms.py, probe_dept.py, probe_prose.py) share: their
command line, the alteration of a printed number beyond its rounding, the
check's findings per file, the gate, and for the table probes the shapes a
copy prints a table in and the alter-check-tally loop over them."""
import argparse, json, os, re, shutil, subprocess, sys, tempfile
from collections import defaultdict
from decimal import Decimal as D, ROUND_HALF_UP


def arguments(default_n):
    ap = argparse.ArgumentParser()
    ap.add_argument('bin')
    ap.add_argument('n', nargs='?', type=int, default=default_n)
    ap.add_argument('--min-catch', type=float, default=0.0)
    ap.add_argument('--max-false', type=int, default=10**9)
    ap.add_argument('--variant', default=None, help='a template variant the probe knows (see its docstring)')
    return ap.parse_args()


def q(x, d=2):
    return x.quantize(D(1).scaleb(-d), rounding=ROUND_HALF_UP)


def bump(t):
    """The printed number `t` raised past its rounding, printed alike: its
    decimals, `%`, thousands separators and a trailing 万元 kept."""
    unit = '万元' if t.endswith('万元') else ''
    t = t[:len(t) - len(unit)]
    comma = ',' in t
    pct = t.endswith('%')
    s = t.replace(',', '').rstrip('%')
    v = D(s)
    dec = len(s.split('.')[1]) if '.' in s else 0
    digits = len(s.split('.')[0].lstrip('0'))
    # The third significant digit, at least the last printed one; 0.1 under 20.
    step = max(D(10)**(digits - 3), D(1).scaleb(-dec))
    if step < D('0.1') and v < 20:
        step = D('0.1') if dec >= 1 else D(1)
    out = f'{v + step:.{dec}f}'
    if comma:
        ip, _, fp = out.partition('.')
        out = f'{int(ip):,}' + ('.' + fp if fp else '')
    return out + ('%' if pct else '') + unit


def alter(cell):
    """The cell with its number bumped; a label's number (`规划（15分）`) alike."""
    try:
        return bump(cell)
    except ArithmeticError:
        return re.sub(r'\d+(?:\.\d+)?', lambda m: bump(m.group()), cell, count=1)


def findings(binary, paths):
    """Each file's findings as (rule, severity, message)."""
    out = defaultdict(set)
    res = subprocess.run([binary, 'check', '--format', 'json'] + paths, capture_output=True, text=True).stdout
    for line in res.splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        for f in r.get('findings') or []:
            out[r['source']['path']].add((f['rule'], f['severity'], f['message']))
    return out


def gate(args, rate, false):
    if rate < args.min_catch or false > args.max_false:
        print(f'probe gate failed: catch {rate:.3f} (min {args.min_catch}), false errors {false} (max {args.max_false})')
        sys.exit(1)


def render(T, shape, head=4):
    """A table (rows of (text, key) cells) as a copy prints it: pipes, single
    spaces, bars (see below), tabs, one line, one cell per line, one cell per line with a blank line
    between rows, or (`run`) its first `head` rows as lines and the rest
    run together with nothing between cells."""
    if shape == 'pipe': return '\n'.join('| ' + ' | '.join(c for c, _ in row) + ' |' for row in T)
    if shape == 'spaces': return '\n'.join(' '.join(c for c, _ in row if c) for row in T)
    if shape == 'tabs': return '\n'.join('\t'.join(c for c, _ in row) for row in T)
    if shape == 'flat': return ' '.join(c for row in T for c, _ in row if c)
    if shape == 'cells': return '\n\n'.join(c for row in T for c, _ in row if c)
    if shape == 'cellrows': return '\n\n'.join('\n'.join(c for c, _ in row if c) for row in T)
    if shape in ('bars', 'barswrap'):
        # As web copies print a merged-cell table: no leading pipe, empty cells
        # dropped, pipes filling the row out; `barswrap` also breaks a row's
        # line after a weight's label (`规划（15分） |`).
        width = max(len(row) for row in T)
        def line(row):
            cells = [c for c, _ in row if c]
            out = ''.join(c + (' |\n' if shape == 'barswrap' and re.search(r'分[）)]$', c) else ' | ') for c in cells)
            return out + '|' * (width - len(cells))
        return '\n'.join(line(row) for row in T)
    if shape == 'rowrun': return '\n'.join(''.join(c for c, _ in row) for row in T)
    if shape == 'run': return '\n'.join(''.join(c for c, _ in row) for row in T[:head]) + ''.join(c for row in T[head:] for c, _ in row)
    raise ValueError(shape)


def probe_tables(args, tables, shapes, head=4, skip=lambda k, c: False):
    """Every keyed cell of every table altered in every shape, one at a time;
    an alteration is caught when the check finds what the clean copy does not.
    Prints the catch rate per shape and key, the clean copies' error findings,
    and gates."""
    tmp = tempfile.mkdtemp(); clean = {}; jobs = []
    for i, T in enumerate(tables):
        for shape in shapes:
            p = os.path.join(tmp, f'c{i:03d}_{shape}.txt'); open(p, 'w').write(render(T, shape, head) + '\n'); clean[(i, shape)] = p
            for ri, row in enumerate(T):
                for ci, (c, k) in enumerate(row):
                    if not k or not c or skip(k, c): continue
                    T2 = [list(r) for r in T]; T2[ri][ci] = (alter(c), k)
                    ap = os.path.join(tmp, f'a{len(jobs):05d}.txt'); open(ap, 'w').write(render(T2, shape, head) + '\n')
                    jobs.append((i, shape, k, c, ap, alter(c)))
    ck = findings(args.bin, list(clean.values())); ak = findings(args.bin, [j[4] for j in jobs])
    false = defaultdict(int)
    for (i, shape), p in clean.items():
        for k in ck.get(p, ()):
            if k[1] == 'error':
                false[shape] += 1
                if os.environ.get('V'): print('FALSE', shape, i, k[0], k[2][:120])
    tot = defaultdict(lambda: [0, 0]); bykey = defaultdict(lambda: [0, 0]); miss = []
    point = [0, 0]
    # (Caught by an error, not only a warning: where the reading is sure.)
    as_error = defaultdict(int)
    for i, shape, k, c, ap, new in jobs:
        kk = re.sub(r'\d+$', '', k) if k[:2] in ('sc', 'sw', 'li') else k
        newf = ak.get(ap, set()) - ck.get(clean[(i, shape)], set())
        caught = bool(newf)
        if caught:
            point[1] += 1
            as_error[shape] += any(f[1] == 'error' for f in newf)
            if os.environ.get('WARNED') and not any(f[1] == 'error' for f in newf):
                print('WARNED', shape, f'c{i:03d}', k, c, '->', new, sorted(newf)[0][0], sorted(newf)[0][2][:150])
            nv = D(re.search(r'\d+(?:\.\d+)?', new.replace(',', '')).group())
            # (Whether a new finding quotes the altered number: it points at it.)
            point[0] += any(any(D(x) == nv for x in re.findall(r'\d+(?:\.\d+)?', m[2])) for m in newf)
        tot[shape][0] += caught; tot[shape][1] += 1; bykey[(shape, kk)][0] += caught; bykey[(shape, kk)][1] += 1
        if not caught: miss.append(f'{shape} c{i:03d} {k} {c}')
    allc = sum(v[0] for v in tot.values()); alln = sum(v[1] for v in tot.values())
    for s in shapes:
        print(f'{s:9s} {tot[s][0]}/{tot[s][1]} ({tot[s][0]/max(1,tot[s][1]):.3f}) as errors {as_error[s]} false={false[s]}  ' + ' '.join(f'{kk}:{a}/{b}' for (sh, kk), (a, b) in sorted(bykey.items()) if sh == s))
    print(f'ALL {allc}/{alln} ({allc/alln:.3f}) false={sum(false.values())} pointed={point[0]}/{point[1]} as errors={sum(as_error.values())}')
    shutil.rmtree(tmp)
    if os.environ.get('MISSES'): print('\n'.join(miss))
    gate(args, allc / alln, sum(false.values()))
