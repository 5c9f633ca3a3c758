#!/usr/bin/env python3
"""The VAE-GAN runs that 04's page reads but does not train: the same `genlit train vaegan` command on another Keras backend,
scored exactly as the page scores its own runs (`genlit.vaegan.load_vaegan` and `score_model`: test-set reconstruction error
through the posterior mean, and FD/floor, precision, recall and classes of 2,000 prior samples, seed 1, n = 2,000).

Usage: python tools/vaegan_backends.py --variant conv --backend tensorflow [--runs nbs/runs/studies]

The page's training must fit in 40 minutes on 2 cores, and its convolutional model (the largest share) trains there on
PyTorch only; this tool trains the TensorFlow run of the same command beside it, resumably (rerun the same command after an
interruption), and adds its row, with the command that trains it and the CPU, to nbs/results/studies/04_vaegan_backends.json.
A row already in the file for this variant, backend and budget is kept. Run one training at a time: two side by side slow
each other down 3-5x on 2 cores and spoil the wall time.
"""
import argparse, json, os, shlex, subprocess, sys
from pathlib import Path

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--variant', default='conv', choices=('basic', 'dis_l', 'conv'))
    p.add_argument('--backend', default='tensorflow', choices=('tensorflow', 'torch', 'jax'))
    p.add_argument('--budget', default='docs', choices=('test', 'docs', 'full'))
    p.add_argument('--runs', default='nbs/runs/studies', help='parent folder of the run folders')
    p.add_argument('--results', default='nbs/results/studies/04_vaegan_backends.json')
    a = p.parse_args()
    res = Path(a.results)
    data = json.loads(res.read_text()) if res.is_file() else dict(about=__doc__.split('\n\n')[0], rows=[])
    key = dict(variant=a.variant, backend=a.backend, budget=a.budget)
    if any(all(r.get(k) == v for k, v in key.items()) for r in data['rows']): sys.exit(f'{key} is already recorded in {res}')
    out = Path(a.runs)/f'04_vaegan-{a.variant}-{a.backend}-{a.budget}'
    cmd = f'genlit train vaegan --dataset fashion_mnist --variant {a.variant} --budget {a.budget}'
    print(f'== KERAS_BACKEND={a.backend} {cmd} --out {out}', flush=True)
    subprocess.run(shlex.split(cmd) + ['--out', str(out), '--verbose', '3'], check=True, env={**os.environ, 'KERAS_BACKEND': a.backend})
    from genlit.cli import system_info
    from genlit.data import load_dataset, subset
    from genlit.vaegan import load_vaegan, score_model
    run, m = load_vaegan(out)
    x_test = subset(load_dataset(run['dataset'], 'test', scale='unit'), run['config']['n_test'])
    row = dict(key, command=run['command'], cpu=system_info()['cpu'], epochs=run['config']['epochs'], seconds=round(run['seconds']),
               **score_model(m.reconstruct, lambda n: m.generate(n, seed=1), x_test, dataset=run['dataset']))
    print(json.dumps(row), flush=True)
    data['rows'].append(row)
    res.parent.mkdir(parents=True, exist_ok=True); res.write_text(json.dumps(data, indent=1) + '\n')

if __name__ == '__main__': main()
