#!/usr/bin/env python3
"""align-calibrate.py: fit and check the calibration of newstm align's
confidence.

Development tool, not part of `make check`.  Aligns every document of the
development sets (../shared/data/align, read at run time; skipped when
absent) and of newstm's own sets (tests/data/align/sets) with the hidden
`--evidence` option, which prints what each bead's confidence is computed
from, and labels each bead right or wrong against the gold.  Unrelated
texts come from pairing each WMT22 article with the next one's translation:
every pair there is wrong.  Then it fits logistic models (pairs, and
sentences left out) and reports, for each group of sets left out in turn
(fit on the others, test on it), how well the confidence separates right
from wrong pairs: how many pairs fall below 0.5 and how many of those are
wrong, how many of the wrong pairs fall below 0.5, and the log loss.  The
fit on everything is printed last, as C arrays for align.c.

usage: align-calibrate.py NEWSTM [DATA_DIR] [--features=a,b,...]
       [--current]  (score the confidence newstm prints now, no fit)

--features names the evidence to fit on (default: what align.c uses); all
of it: post,sim,anchors,len,multi,related,neighbour,neighbour_skips,short,
orphan,doc_multi.
"""
import json
import math
import os
import subprocess
import sys

NAMES = ['post', 'sim', 'anchors', 'len', 'multi', 'related', 'neighbour',
         'neighbour_skips', 'short', 'orphan', 'doc_multi']


def gold_beads(path):
    out = set()
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line:
            continue
        a, b = line.split(':')[:2]
        ids = lambda f: tuple(int(x) for x in f.strip()[1:-1].split(',')
                              if x.strip())
        out.add((ids(a), ids(b)))
    return out


def run(newstm, src, tgt, sl, tl):
    p = subprocess.run([newstm, 'align', '--presegmented', '--evidence',
                        '--format', 'jsonl', '--src-lang', sl, '--tgt-lang',
                        tl, src, tgt], capture_output=True, text=True)
    return [json.loads(l) for l in p.stdout.splitlines()]


def langs(name):
    parts = [p for p in name.split('-') if len(p) == 2 and p.isalpha()]
    return parts[0], parts[1]


def collect(newstm, dirs):
    """Rows (group, is_pair, right, evidence, confidence)."""
    rows = []
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            sd = os.path.join(d, name)
            if not os.path.isdir(sd):
                continue
            docs = sorted(f[:-5] for f in os.listdir(sd) if f.endswith('.gold'))
            if not docs:
                continue
            sl, tl = langs(name)
            group = name.replace('newstm-ru-en', 'newstm-en-ru')
            for doc in docs:
                g = gold_beads(os.path.join(sd, doc + '.gold'))
                for o in run(newstm, os.path.join(sd, doc + '.' + sl),
                             os.path.join(sd, doc + '.' + tl), sl, tl):
                    b = (tuple(o['src']), tuple(o['tgt']))
                    rows.append((group, bool(b[0] and b[1]), b in g,
                                 o['evidence'], o['confidence'],
                                 name + '/' + doc))
            if name == 'wmt22-en-de':
                # unrelated: each article against the next one's
                # translation, whole and cut to its first 3 and 6 sentences
                tmp = os.path.join(os.environ.get('TMPDIR', '/tmp'),
                                   'align-calibrate.%d' % os.getpid())
                for k, doc in enumerate(docs):
                    other = docs[(k + 1) % len(docs)]
                    a = open(os.path.join(sd, doc + '.en'),
                             encoding='utf-8').read().split('\n')
                    b = open(os.path.join(sd, other + '.de'),
                             encoding='utf-8').read().split('\n')
                    for cut in (3, 6, None):
                        with open(tmp + '.en', 'w', encoding='utf-8') as f:
                            f.write('\n'.join(a[:cut]).strip() + '\n')
                        with open(tmp + '.de', 'w', encoding='utf-8') as f:
                            f.write('\n'.join(b[:cut]).strip() + '\n')
                        for o in run(newstm, tmp + '.en', tmp + '.de', 'en',
                                     'de'):
                            pair = bool(o['src'] and o['tgt'])
                            rows.append(('unrelated', pair, not pair,
                                         o['evidence'], o['confidence'],
                                         'unrelated/%s/%s' % (doc, cut)))
                for ext in ('.en', '.de'):
                    if os.path.exists(tmp + ext):
                        os.remove(tmp + ext)
    return rows


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0 for i in range(n)]


def fit(xs, ys, ws, l2=1.0, iters=30):
    """Weighted L2-regularised logistic regression by Newton's method."""
    d = len(xs[0])
    beta = [0.0] * d
    for _ in range(iters):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y, w in zip(xs, ys, ws):
            z = sum(b * v for b, v in zip(beta, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = w * (p - y)
            h = w * p * (1 - p)
            for i in range(d):
                grad[i] += g * x[i]
                hi = h * x[i]
                row = hess[i]
                for j in range(d):
                    row[j] += hi * x[j]
        for i in range(1, d):
            grad[i] += l2 * beta[i]
            hess[i][i] += l2
        step = solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return beta


def predict(beta, x):
    z = sum(b * v for b, v in zip(beta, x))
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def report(label, confs, rights):
    below = [r for c, r in zip(confs, rights) if c < 0.5]
    wrong = sum(1 for r in rights if not r)
    wb = sum(1 for r in below if not r)
    ll = -sum(math.log(max(1e-9, c if r else 1 - c))
              for c, r in zip(confs, rights)) / max(1, len(rights))
    print('  %-22s %4d pairs, %3d wrong; %3d below 0.5 (%3d wrong, %3.0f%%); '
          '%3.0f%% of the wrong below 0.5; log loss %.3f'
          % (label, len(rights), wrong, len(below), wb,
             100.0 * wb / max(1, len(below)), 100.0 * wb / max(1, wrong), ll))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    opts = [a for a in sys.argv[1:] if a.startswith('--')]
    if not args:
        print(__doc__)
        return 2
    newstm = os.path.abspath(args[0])
    top = os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    data = args[1] if len(args) > 1 else os.path.join(top, '..', 'shared',
                                                       'data', 'align')
    if not os.path.isdir(data):
        print('align-calibrate: no development data in %s, skipped' % data)
        return 0
    # the evidence align.c weighs (the others did not help)
    feats = ['post', 'sim', 'len', 'multi', 'related', 'short', 'orphan',
             'doc_multi']
    for o in opts:
        if o.startswith('--features='):
            feats = o.split('=', 1)[1].split(',')
    idx = [NAMES.index(f) for f in feats]
    rows = collect(newstm, [data, os.path.join(top, 'tests', 'data', 'align',
                                               'sets')])
    groups = sorted(set(r[0] for r in rows))
    if '--current' in opts:
        print('the confidence as newstm prints it:')
        for g in groups:
            sel = [r for r in rows if r[0] == g and r[1]]
            report(g, [r[4] for r in sel], [r[2] for r in sel])
        return 0
    for kind, is_pair in (('pairs', True), ('left out', False)):
        sel = [r for r in rows if r[1] == is_pair]
        x = lambda r: [1.0] + [r[3][i] for i in idx]
        # each group weighs as much as the others together would on average
        count = {g: sum(1 for r in sel if r[0] == g) for g in groups}
        w = lambda r: len(sel) / (len(groups) * max(1, count[r[0]]))
        print('%s: features %s; left out in turn (fit on the other groups):'
              % (kind, ','.join(feats)))
        for g in groups:
            if g == 'unrelated':
                continue  # not a set of its own: always learnt from
            train = [r for r in sel if r[0] != g]
            test = [r for r in sel if r[0] == g]
            if not test or not train:
                continue
            beta = fit([x(r) for r in train], [1.0 if r[2] else 0.0
                                               for r in train],
                       [w(r) for r in train])
            report(g, [predict(beta, x(r)) for r in test],
                   [r[2] for r in test])
        # the Text+Berg set is one long document: also leave out each half
        # of it in turn, fitting on the other half and the rest
        tb = [k for k, r in enumerate(sel) if r[0].startswith('textberg')]
        for part, ks in (('first', tb[:len(tb) // 2]),
                         ('second', tb[len(tb) // 2:])):
            if not ks:
                continue
            out = set(ks)
            train = [r for k, r in enumerate(sel) if k not in out]
            test = [sel[k] for k in ks]
            beta = fit([x(r) for r in train], [1.0 if r[2] else 0.0
                                               for r in train],
                       [w(r) for r in train])
            report('textberg %s half' % part,
                   [predict(beta, x(r)) for r in test], [r[2] for r in test])
        beta = fit([x(r) for r in sel], [1.0 if r[2] else 0.0 for r in sel],
                   [w(r) for r in sel])
        print('  fit on all:')
        for g in groups:
            test = [r for r in sel if r[0] == g]
            report(g, [predict(beta, x(r)) for r in test],
                   [r[2] for r in test])
        full = [0.0] * (len(NAMES) + 1)
        full[0] = beta[0]
        for k, i in enumerate(idx):
            full[i + 1] = beta[k + 1]
        print('  weights (bias, %s):' % ', '.join(NAMES))
        print('  {' + ', '.join('%.3f' % v for v in full) + '}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
