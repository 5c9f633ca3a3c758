#!/usr/bin/env python3
"""The DCGAN recipe study behind 01's "Samples per CPU minute": one `genlit train dcgan` run per arm, each one change
to a base recipe (the DCGAN paper's, or the registered batch-64 one for the arms trained longer, recorded as each row's
`base`), measured along its training with `genlit.dcgan.quality_curve` (FD/floor of 2,000 samples at eight points,
against the minutes of training behind each).

Usage: python tools/dcgan_recipes.py --dataset mnist --epochs 40 [--arms paper,tutorial,...] [--runs nbs/runs/recipes]

Each arm trains into its own run folder (resumable: rerun the same command after an interruption) and its curves are
added to nbs/results/studies/01_dcgan_recipes.json as soon as it finishes, with the command that trains it and the CPU.
Arms already in the file for this dataset and epoch count are skipped. An arm's folder that already holds
fewer epochs of the same command (for example a copy of 01's docs run, whose command is the 'recipe' arm's) is trained on
from there, as `genlit train` resumes; the row's seconds then include the copied epochs. Run one study at a time: two trainings side
by side slow each other down 3-5x on 2 cores and spoil the minutes.
"""
import argparse, json, shlex, subprocess, sys, time
from pathlib import Path

# arm -> (what changes, flags, the recipe it changes: 'paper' (the DCGAN paper's) or 'registered' (batch 64, average 0.9)).
# The flags spell out batch and average even where they are today's defaults, so each command trains the same run whatever the registered recipe becomes. Every arm but the
# tutorial's keeps a weight average (--ema), so each run gives two curves: G itself (`last_generator`) and the average (`generator`)
ARMS = {
    'paper':     ("the DCGAN paper's recipe: Adam 2e-4, beta_1 0.5, batch 256", '--batch 256 --ema 0.9', 'paper'),
    'tutorial':  ("the TF tutorial's Adam: 1e-4, beta_1 0.9, no average", '--batch 256 --ema 0 --learning-rate 1e-4 --beta-1 0.9', 'paper'),
    'ttur':      ("two time scales: D 4e-4, G 1e-4", '--batch 256 --ema 0.9 --learning-rate 1e-4 --d-learning-rate 4e-4', 'paper'),
    'beta0':     ("Adam beta_1 0", '--batch 256 --ema 0.9 --beta-1 0', 'paper'),
    'beta09':    ("Adam beta_1 0.9", '--batch 256 --ema 0.9 --beta-1 0.9', 'paper'),
    'smooth':    ("one-sided label smoothing 0.1", '--batch 256 --ema 0.9 --label-smoothing 0.1', 'paper'),
    'batch64':   ("batch 64 (4x the steps)", '--batch 64 --ema 0.9', 'paper'),
    'batch128':  ("batch 128 (2x the steps)", '--batch 128 --ema 0.9', 'paper'),
    'lr5e-4':    ("Adam 5e-4 for both", '--batch 256 --ema 0.9 --learning-rate 5e-4', 'paper'),
    'recipe':    ("the registered recipe (batch 64, average 0.9), for longer curves", '--batch 64 --ema 0.9', 'registered'),
    'b64smooth': ("the registered recipe with one-sided label smoothing 0.1", '--batch 64 --ema 0.9 --label-smoothing 0.1', 'registered'),
    'batch32':   ("the registered recipe at batch 32 (2x its steps)", '--batch 32 --ema 0.9', 'registered'),
    'batch16':   ("the registered recipe at batch 16 (4x its steps)", '--batch 16 --ema 0.9', 'registered'),
}

AVERAGE_RULE = 'warm-up'   # GeneratorAverage's decay warms up (since 2026-12-07); rows recorded before say 'plain'

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--dataset', default='mnist', choices=('mnist', 'fashion_mnist'))
    p.add_argument('--epochs', type=int, default=40, help='epochs per arm (an epoch: 6,400 images at any batch size)')
    p.add_argument('--arms', default=','.join(ARMS), help=f"comma-separated, from: {', '.join(ARMS)}")
    p.add_argument('--runs', default='nbs/runs/recipes', help='parent folder of the run folders')
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--results', default='nbs/results/studies/01_dcgan_recipes.json')
    a = p.parse_args()
    arms = a.arms.split(',')
    if bad := [x for x in arms if x not in ARMS]: sys.exit(f"unknown arm(s) {', '.join(bad)}; choose from {', '.join(ARMS)}")
    res = Path(a.results)
    data = json.loads(res.read_text()) if res.is_file() else dict(about=__doc__.split('\n\n')[0], rows=[])
    from genlit.cli import system_info
    from genlit.dcgan import quality_curve
    cpu = system_info()['cpu']
    for arm in arms:
        key = dict(dataset=a.dataset, arm=arm, epochs=a.epochs, seed=a.seed)
        if any(all(r.get(k) == v for k, v in key.items()) for r in data['rows']): print(f'{arm}: already recorded'); continue
        out = Path(a.runs)/f'{a.dataset}-e{a.epochs}-s{a.seed}'/arm
        cmd = f'genlit train dcgan --dataset {a.dataset} --epochs {a.epochs} {ARMS[arm][1]}' + (f' --seed {a.seed}' if a.seed else '')
        print(f'== {arm}: {cmd} --out {out}  ({time.strftime("%H:%M:%S")})', flush=True)
        subprocess.run(shlex.split(cmd) + ['--out', str(out), '--verbose', '3'], check=True)
        run = json.loads((out/'genlit.json').read_text())
        curves = {part: quality_curve(out, part=part) for part in ('generator', 'last_generator')
                  if any((out/'snapshots').glob(f'{part}_[0-9]*.weights.h5'))}
        row = dict(key, change=ARMS[arm][0], base=ARMS[arm][2], command=cmd, cpu=cpu, precision=run['precision'], seconds=run['seconds'], average=AVERAGE_RULE, curves=curves)
        for part, c in curves.items(): print(f"   {part}: " + ', '.join(f"{q['minutes']:.1f} min {q['fd_floor']:.1f}" for q in c), flush=True)
        data['rows'].append(row)
        res.parent.mkdir(parents=True, exist_ok=True); res.write_text(json.dumps(data, indent=1) + '\n')

if __name__ == '__main__': main()
