# Samples persons for the name-search evaluation and load benchmark (issue 16), from the
# Population Registry's table pop_persons (sqlite3 read-only, or psql for PostgreSQL):
#   python3 bench/name-search-sample.py PROVIDER CONNECTION_STRING OUT_DIR SAMPLE SEED
# Writes OUT_DIR/persons.tsv (SAMPLE persons), OUT_DIR/common.tsv (up to SAMPLE persons whose Khmer
# full name is borne by 12 people or more, i.e. shared with more than 10 others) with, for each,
# how many people share the name overall, in the birth year and on the birth date (per script),
# and OUT_DIR/names.tsv (every distinct surname and given name, per script, for the negatives).
# Rows are put in a fixed order before the seeded draw, so one population and one seed give the
# same persons (KIDCs are new on every generation, names and dates are not).
import collections, os, random, subprocess, sys
provider, cs, work, sample, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
cols = ['Kidc', 'SurnameKm', 'GivenNameKm', 'SurnameLatin', 'GivenNameLatin', 'BirthYear', 'BirthMonth', 'BirthDay', 'Sex']
if provider.lower() == 'postgres':
    p = dict(x.split('=', 1) for x in cs.split(';') if x)
    q = 'SELECT ' + ', '.join('"%s"' % c for c in cols) + ' FROM pop_persons'
    args = ['psql', '-h', p.get('Host', '127.0.0.1'), '-p', p.get('Port', '5432'), '-U', p.get('Username', 'postgres'), '-d', p['Database'], '-At', '-F', '\t', '-c', q]
    out = subprocess.run(args, capture_output=True, text=True, check=True, env=dict(os.environ, PGPASSWORD=p.get('Password', ''))).stdout
    rows = [l.split('\t') for l in out.splitlines() if l]
    rows = [r[:5] + [int(r[5]), int(r[6]) if r[6] else None, int(r[7]) if r[7] else None, r[8]] for r in rows]
else:
    import sqlite3
    path = cs.split('=', 1)[1].split(';')[0]
    db = sqlite3.connect('file:%s?mode=ro' % path, uri=True)
    rows = [list(r) for r in db.execute('SELECT ' + ', '.join(cols) + ' FROM pop_persons')]
# A fixed order (names and dates come from the generator's seed; KIDCs are new on every run).
rows.sort(key=lambda r: (r[3], r[4], r[5], r[6] or 0, r[7] or 0, r[8], r[1], r[2], r[0]))
km = collections.Counter((r[1], r[2]) for r in rows)
km_y = collections.Counter((r[1], r[2], r[5]) for r in rows)
km_d = collections.Counter((r[1], r[2], r[5], r[6], r[7]) for r in rows)
la = collections.Counter((r[3].lower(), r[4].lower()) for r in rows)
la_y = collections.Counter((r[3].lower(), r[4].lower(), r[5]) for r in rows)
la_d = collections.Counter((r[3].lower(), r[4].lower(), r[5], r[6], r[7]) for r in rows)
def line(r):
    counts = [km[(r[1], r[2])], km_y[(r[1], r[2], r[5])], km_d[(r[1], r[2], r[5], r[6], r[7])],
              la[(r[3].lower(), r[4].lower())], la_y[(r[3].lower(), r[4].lower(), r[5])], la_d[(r[3].lower(), r[4].lower(), r[5], r[6], r[7])]]
    return '\t'.join('' if v is None else str(v) for v in r + counts)
header = '\t'.join(cols + ['SameNameKm', 'SameNameYearKm', 'SameNameDateKm', 'SameNameLatin', 'SameNameYearLatin', 'SameNameDateLatin'])
rng = random.Random(seed)
picked = rng.sample(rows, min(sample, len(rows)))
open(work + '/persons.tsv', 'w').write(header + '\n' + '\n'.join(line(r) for r in picked) + '\n')
# "Shares it with more than 10 others": a Khmer full name borne by 12 people or more.
shared = [r for r in rows if km[(r[1], r[2])] > 11]
common = rng.sample(shared, min(sample, len(shared)))
open(work + '/common.tsv', 'w').write(header + '\n' + '\n'.join(line(r) for r in common) + '\n')
names = set()
for r in rows:
    names.update([('km', r[1]), ('km', r[2]), ('latin', r[3]), ('latin', r[4])])
open(work + '/names.tsv', 'w').write('\n'.join(k + '\t' + n for k, n in sorted(names)) + '\n')
print('   %d sampled, %d with a name shared by more than 10 others (of %d such persons), %d distinct names' % (len(picked), len(common), len(shared), len(names)))
