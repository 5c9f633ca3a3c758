#!/usr/bin/env python3
"""Check what the rendered site will show, from the stored notebooks, without Quarto.

Usage: python tools/check_pages.py [NOTEBOOK ...]      (default: nbs/*.ipynb)

Fails (exit 1) on anything a reader of the site should not meet:

- a stored output longer than 40 lines (logs instead of results);
- an `image/gif` output (Quarto does not render it: use an HTML <img> with the GIF inline);
- carriage-return debris of progress bars, TensorFlow / absl / oneDNN / XLA log lines,
  Python warnings, and local paths (/root/, /home/, .venv, caches) in stored outputs;
- a cell whose whole result is a stray repr (`Path('...')`, `<... object at 0x...>`);
- a table in an output (three or more lines in a row with aligned columns) wider than 96
  characters: the page wraps long output lines (styles.css), which breaks a table's columns;
- a shown code line longer than 100 characters, unless _quarto.yml wraps code
  (`code-overflow: wrap`, as this site does);
- in docstrings of the package: `*` or `<` outside code spans (markdown italics, lost HTML),
  and public functions or classes with no docstring ("Call self as a function.");
- a backtick name in prose or docstrings that nbdev links to a page where that name has no
  show_doc (the link lands at the top of the page);
- a number quoted in prose (one with a decimal point) that no output of the notebook prints.
"""
import ast, glob, json, os, re, sys

MAX_LINES, MAX_CODE, MAX_TABLE = 40, 100, 96   # MAX_TABLE: output characters that fit the column at 1280 px
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# --- notebooks -------------------------------------------------------------------------------
def load(path): return json.load(open(path))
def src(c): return ''.join(c['source'])

def directives(c):
    d = {}
    for l in src(c).splitlines():
        m = re.match(r'\s*#\|\s*([\w-]+:?)\s*(.*)', l)
        if not m: break
        d[m.group(1)] = m.group(2).split()
    return d

def shown(c):
    "Is this code cell's source on the page?"
    d = directives(c)
    if {'hide', 'export', 'exporti', 'exec_doc'} & set(d) or d.get('echo:') == ['false']: return False
    if d.get('include:') == ['false']: return False
    return True

def shown_text(o):
    "The text the page shows for an output: a stream, or the richest text form (HTML counts as no lines)."
    if o.get('output_type') == 'stream': return ''.join(o['text'])
    d = o.get('data', {})
    if 'text/html' in d or 'image/png' in d or 'image/svg+xml' in d: return ''
    for k in ('text/markdown', 'text/plain'):
        if k in d: return ''.join(d[k]) if isinstance(d[k], list) else d[k]
    return ''

def out_text(o):
    if o.get('output_type') == 'stream': return ''.join(o['text'])
    parts = []
    for k, v in o.get('data', {}).items():
        if k.startswith('text/'): parts.append(''.join(v) if isinstance(v, list) else v)
    return '\n'.join(parts)

LOG = re.compile(r'absl::|oneDNN custom operations|^[IWE]\d{4} \d|cuda_|computation placer|'
                 r'TF_ENABLE_ONEDNN_OPTS|tensorflow/core/|xla/|^WARNING:tensorflow:', re.M)
WARN = re.compile(r'\w+Warning:|/site-packages/')
LOCAL = re.compile(r'/root/|/home/\w|\.venv/|(?<!~)/\.cache/|(?<![\w.])/tmp/\w' +   # ~/.cache is how genlit prints the user's cache
                   (f"|{re.escape(os.environ['GENLIT_DATA'])}" if os.path.isabs(os.environ.get('GENLIT_DATA', '')) else ''))
CODE_WRAPS = 'code-overflow: wrap' in open(os.path.join(ROOT, 'nbs', '_quarto.yml')).read() \
    if os.path.exists(os.path.join(ROOT, 'nbs', '_quarto.yml')) else False
COLUMNS = re.compile(r'\S {2,}(?=\S)')

def wide_tables(text):
    "Lines wider than MAX_TABLE inside a table: a run of 3 or more lines with 3 or more column gaps each."
    lines, bad, run = text.splitlines(), [], []
    for l in lines + ['']:
        if len(COLUMNS.findall(l)) >= 3: run.append(l); continue
        if len(run) >= 3: bad += [r for r in run if len(r) > MAX_TABLE]
        run = []
    return bad
REPR = re.compile(r"^(Path|PosixPath|WindowsPath)\(.*\)$|^<[\w.]+ object at 0x[0-9a-f]+>$", re.S)

def check_outputs(name, nb):
    bad = []
    for i, c in enumerate(nb['cells']):
        if c['cell_type'] != 'code': continue
        d = directives(c)
        if 'hide' in d or d.get('include:') == ['false'] or d.get('output:') == ['false']: continue
        for o in c.get('outputs', []):
            t, shown_t = out_text(o), shown_text(o)
            html = ''.join(o.get('data', {}).get('text/html', ''))
            n = shown_t.rstrip('\n').count('\n') + 1 if shown_t.strip() else 0
            if n > MAX_LINES: bad.append((i, f'output of {n} lines (at most {MAX_LINES}): store a summary'))
            if 'image/gif' in o.get('data', {}) and 'gif' not in html:
                bad.append((i, 'image/gif output: Quarto shows none; use an HTML <img> with the GIF inline'))
            if '\r' in t: bad.append((i, 'carriage-return debris (a progress bar) in a stored output'))
            if LOG.search(t): bad.append((i, 'TensorFlow/absl/oneDNN log line in a stored output: ' + LOG.search(t).group(0)))
            if WARN.search(t): bad.append((i, 'a Python warning or site-packages path in a stored output'))
            if LOCAL.search(t): bad.append((i, 'a local path in a stored output: ' + LOCAL.search(t).group(0)))
            for l in wide_tables(shown_t)[:1]:
                bad.append((i, f'a table line of {len(l)} characters (at most {MAX_TABLE}) wraps on the page: {l.strip()[:40]}...'))
            if o.get('output_type') == 'execute_result' and REPR.match(t.strip()):
                bad.append((i, f'stray repr as the cell result: {t.strip()[:60]}'))
        if shown(c) and not CODE_WRAPS:
            for l in src(c).splitlines():
                if len(l) > MAX_CODE and not l.lstrip().startswith('#|'):
                    bad.append((i, f'code line of {len(l)} characters (at most {MAX_CODE}): {l.strip()[:50]}...'))
    return bad

# --- what each page documents ------------------------------------------------------------------
def page_of(nbpath):
    "nbdev names a page after its notebook without the number prefix: 01_dcgan -> dcgan.html"
    b = os.path.basename(nbpath)[:-6]
    return re.sub(r'^\d+[a-z]?_', '', b) + '.html'

def documented(nb):
    "Names that get a show_doc anchor on the page: public defs of export/exports cells, show_doc(X)."
    names = set()
    for c in nb['cells']:
        if c['cell_type'] != 'code': continue
        d = directives(c)
        s = '\n'.join(l for l in src(c).splitlines() if not l.lstrip().startswith(('#|', '%', '!')))
        try: tree = ast.parse(s)
        except SyntaxError: continue
        if {'export', 'exports', 'exec_doc'} & set(d) and 'hide' not in d:
            for o in tree.body:
                if isinstance(o, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not o.name.startswith('_'):
                    names.add(o.name.lower())
        for o in ast.walk(tree):
            if isinstance(o, ast.Call) and getattr(o.func, 'id', None) == 'show_doc' and o.args:
                names.add(ast.unparse(o.args[0]).lower())
    return names

def lookup():
    "nbdev's link table from genlit/_modidx.py: short name -> (page, anchor)."
    p = os.path.join(ROOT, 'genlit', '_modidx.py')
    if not os.path.exists(p): return {}
    tree = ast.parse(open(p).read())
    d = ast.literal_eval(tree.body[-1].value)
    res = {}
    for mod, syms in d['syms'].items():
        for k, v in syms.items():
            url = v[0] if isinstance(v, (list, tuple)) else v
            page, _, anchor = url.partition('#')
            res.setdefault(k[len(mod) + 1:] if k.startswith(mod + '.') else k, (page, anchor))
            res.setdefault(k, (page, anchor))
    return res

BACKTICK = re.compile(r'`([^`\s]+?)(?:\(\))?`')

def strip_fences(md): return re.sub(r'```.*?```', ' ', md, flags=re.S)

def check_links(texts, table, docs):
    "texts: (where, text) pairs; docs: page -> documented names."
    bad = []
    for where, text in texts:
        for m in BACKTICK.finditer(strip_fences(text)):
            hit = table.get(m.group(1))
            if not hit: continue
            page, anchor = hit
            if page in docs and anchor and anchor not in docs[page]:
                bad.append((where, f'`{m.group(1)}` links to {page}#{anchor}, which has no show_doc there'))
    return bad

# --- docstrings of the package -----------------------------------------------------------------
def strip_code(s): return re.sub(r'`[^`]*`', ' ', re.sub(r'\$[^$]*\$', ' ', s))

def docstrings():
    "(module, qualified name, docstring or None, is public) for every def of genlit/*.py"
    res = []
    for p in sorted(glob.glob(os.path.join(ROOT, 'genlit', '*.py'))):
        mod = os.path.basename(p)[:-3]
        if mod.startswith('_'): continue
        tree = ast.parse(open(p).read())
        allv = next((ast.literal_eval(o.value) for o in tree.body if isinstance(o, ast.Assign)
                     and getattr(o.targets[0], 'id', '') == '__all__'), [])
        def walk(body, prefix, public):
            for o in body:
                if isinstance(o, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    q = prefix + o.name
                    pub = public and (o.name in allv if not prefix else not o.name.startswith('_'))
                    res.append((mod, q, ast.get_docstring(o), pub))
                    if isinstance(o, ast.ClassDef): walk(o.body, q + '.', pub)
        walk(tree.body, '', True)
    return res

def check_docstrings(items):
    bad = []
    for mod, q, doc, pub in items:
        if not pub: continue
        if doc is None:
            if '.' not in q: bad.append((f'genlit.{mod}.{q}', 'public name without a docstring (the site says "Call self as a function.")'))
            continue
        s = strip_code(doc)
        if '*' in s: bad.append((f'genlit.{mod}.{q}', '`*` outside a code span renders as italics: write x or put it in backticks'))
        if re.search(r'<[A-Za-z/]', s): bad.append((f'genlit.{mod}.{q}', '`<...>` outside a code span is read as HTML'))
    return bad

# --- numbers in prose --------------------------------------------------------------------------
NUM = re.compile(r'(?<![\w.])(\d+\.\d+)(?![\w.])')
ANY = re.compile(r'(?<![\w.])(\d+\.\d+|\d+)(?![\w])')

def strip_md(md):
    md = re.sub(r'\$\$.*?\$\$', ' ', md, flags=re.S)
    md = re.sub(r'\$[^$\n]*\$', ' ', md)
    md = re.sub(r'`[^`]*`', ' ', md)
    md = re.sub(r'\]\([^)]*\)', ']', md)
    return re.sub(r'<[^>]+>', ' ', md)

def check_numbers(path, nb):
    text = '\n'.join(out_text(o) for c in nb['cells'] for o in c.get('outputs', []))
    res = os.path.join(os.path.dirname(path), 'results', os.path.basename(path).replace('.ipynb', '.json'))
    if os.path.exists(res): text += '\n' + open(res).read()
    have = {m.replace(',', '') for m in ANY.findall(text)}
    floats = [float(m) for m in have]
    bad = []
    for i, c in enumerate(nb['cells']):
        if c['cell_type'] != 'markdown': continue
        md = strip_md(src(c))
        for m in NUM.finditer(md):
            v = m.group(1)
            if v in have or (v.startswith('0.') and v[1:] in have): continue
            d = len(v.split('.')[1]); x = float(v)
            if any(round(f, d) == x for f in floats): continue
            if md[m.end():m.end() + 1] == '%' and any(round(100 * f, d) == x for f in floats): continue
            bad.append((i, f'number {v} in prose that no output prints: ...{md[max(0, m.start()-40):m.end()+20]}...'.replace('\n', ' ')))
    return bad

def main(paths):
    paths = paths or sorted(glob.glob(os.path.join(ROOT, 'nbs', '*.ipynb')))
    allnbs = sorted(glob.glob(os.path.join(ROOT, 'nbs', '*.ipynb')))
    nbs = {p: load(p) for p in allnbs}
    docs = {page_of(p): documented(nb) for p, nb in nbs.items()}
    table = lookup()
    items = docstrings()
    total = 0
    for p in paths:
        nb, name = nbs.get(p) or load(p), os.path.basename(p)
        bad = check_outputs(name, nb) + check_numbers(p, nb)
        bad += check_links([(i, src(c)) for i, c in enumerate(nb['cells']) if c['cell_type'] == 'markdown'], table, docs)
        for i, msg in bad: print(f'{name} cell {i}: {msg}')
        total += len(bad)
    if not sys.argv[1:]:
        bad = check_docstrings(items) + check_links([(f'genlit.{m}.{q}', d) for m, q, d, pub in items if d and pub], table, docs)
        for where, msg in bad: print(f'{where}: {msg}')
        total += len(bad)
    print(f'check_pages: {total} problems in {len(paths)} notebooks')
    return 1 if total else 0

if __name__ == '__main__': sys.exit(main(sys.argv[1:]))
