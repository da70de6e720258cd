#!/usr/bin/env python3
"""seg-eval.py: measure newstm segment against gold sentence splits.

Development check, not part of `make check`.  Reads the WMT22 news
documents of ../shared/data/align/wmt22-en-de (NNN.LANG.txt: running text;
NNN.LANG: one gold sentence a line) at run time and skips cleanly when the
folder is absent.  A boundary is the position (counted in non-space
characters) where a sentence ends; precision and recall are over all
boundaries of all documents, paragraph ends excluded (those are given).

usage: seg-eval.py NEWSTM [DATA_DIR] [-v]
"""
import os
import subprocess
import sys


def boundaries(sentences):
    """Ends of sentences as counts of non-space characters."""
    out, n = [], 0
    for s in sentences:
        n += sum(1 for c in s if not c.isspace())
        out.append(n)
    return out


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv
    if not args:
        print(__doc__)
        return 2
    newstm = args[0]
    top = os.path.dirname(os.path.abspath(__file__))
    data = args[1] if len(args) > 1 else os.path.join(
        top, "..", "..", "..", "shared", "data", "align", "wmt22-en-de")
    if not os.path.isdir(data):
        print("seg-eval: %s not found, skipped" % data)
        return 0
    for lang in ("en", "de"):
        tp = fp = fn = docs = exact = 0
        for name in sorted(os.listdir(data)):
            if not name.endswith("." + lang + ".txt"):
                continue
            base = name[: -len(".txt")]
            gold = [l.rstrip("\n") for l in open(os.path.join(data, base),
                                                 encoding="utf-8")]
            gold = [l for l in gold if l.strip()]
            run = subprocess.run([newstm, "segment", "--lang", lang,
                                  os.path.join(data, name)],
                                 capture_output=True, text=True, check=True)
            paras = run.stdout.split("\n\n")
            pred = [l for l in run.stdout.split("\n") if l.strip()]
            # paragraph ends are given, not found: leave them out
            pend, n = set(), 0
            for p in paras:
                n += sum(1 for c in p if not c.isspace())
                pend.add(n)
            g = set(boundaries(gold)) - pend
            p = set(boundaries(pred)) - pend
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
            docs += 1
            exact += g == p
            if verbose and g != p:
                text = "".join(c for c in "".join(gold) if not c.isspace())
                for b in sorted(p - g):
                    print("%s: wrong break: ...%s|%s..." %
                          (base, text[max(0, b - 40):b], text[b:b + 30]))
                for b in sorted(g - p):
                    print("%s: missed break: ...%s|%s..." %
                          (base, text[max(0, b - 40):b], text[b:b + 30]))
        if not docs:
            continue
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        print("%s: %d documents, %d exactly right; inner boundaries: "
              "precision %.4f, recall %.4f (%d right, %d wrong, %d missed)"
              % (lang, docs, exact, prec, rec, tp, fp, fn))
    return 0


if __name__ == "__main__":
    sys.exit(main())
