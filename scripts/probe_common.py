"""What the two probes (probe_forms.py, probe_prose.py) share: their command
line, the alteration of a printed number beyond its rounding, the check's
findings per file, and the gate."""
import argparse, json, subprocess, sys
from collections import defaultdict
from decimal import Decimal as D, ROUND_HALF_UP


def arguments(default_n):
    ap = argparse.ArgumentParser()
    ap.add_argument('bin')
    ap.add_argument('n', nargs='?', type=int, default=default_n)
    ap.add_argument('--min-catch', type=float, default=0.0)
    ap.add_argument('--max-false', type=int, default=10**9)
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
