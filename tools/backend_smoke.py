#!/usr/bin/env python
"""Smoke test of every model on the PyTorch and JAX backends, through the `genlit` command as a user runs it:
train (test budget), resume for one more epoch, sample, evaluate. Run by .ci/run after nbdev_test.
Prints one line per step and ends with "N passed, M failed"; exits 1 on any failure."""
import json, os, subprocess, sys, tempfile, time
from pathlib import Path

def genlit(backend, *args):
    env = {**os.environ, 'KERAS_BACKEND': backend, 'TF_CPP_MIN_LOG_LEVEL': '3'}
    return subprocess.run(['genlit', *args], env=env, capture_output=True, text=True)

def main(backends=('torch', 'jax')):
    passed = failed = 0
    tmp = Path(tempfile.mkdtemp(prefix='genlit-smoke-'))
    for b in backends:
        p = genlit(b, 'models', '--json')
        if p.returncode: print(f"{b}: genlit models failed: {p.stderr.strip()[-300:]}"); failed += 1; continue
        models = [m for m in json.loads(p.stdout) if b in m['backends']]
        print(f"== {b}: {', '.join(m['name'] for m in models) or 'no models'}", flush=True)
        for m in models:
            out, dataset = tmp/f"{b}-{m['name']}", m['datasets'][0]
            epochs = m['configs'][dataset]['test']['epochs']
            steps = [('train', ['train', m['name'], '--dataset', dataset, '--budget', 'test', '--out', str(out)]),
                     ('resume', ['train', m['name'], '--dataset', dataset, '--budget', 'test', '--out', str(out), '--epochs', str(epochs + 1)]),
                     ('sample', ['sample', str(out), '--n', '200', '--out', str(out/'s.npy')]),
                     ('evaluate', ['evaluate', str(out/'s.npy'), '--dataset', dataset, '--classifier', 'test'])]
            for what, args in steps:
                t = time.time(); p = genlit(b, *args)
                ok = p.returncode == 0
                if ok and what == 'resume':
                    ok = json.loads((out/'genlit.json').read_text())['epochs_done'] == epochs + 1
                if ok and what == 'evaluate':
                    ok = 'fd' in json.loads(p.stdout)
                passed += ok; failed += not ok
                print(f"{'ok  ' if ok else 'FAIL'} {b:5s} {m['name']:16s} {what:8s} {time.time() - t:5.1f} s"
                      + ('' if ok else f"\n{(p.stderr or p.stdout).strip()[-1500:]}"), flush=True)
                if not ok: break
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0

if __name__ == '__main__': sys.exit(main(tuple(sys.argv[1:]) or ('torch', 'jax')))
