using Nokor.Platform.Khmer;
using Nokor.Platform.Names;
using Nokor.Population.Contracts;

namespace Nokor.Population.Search;

/// <summary>
/// The in-memory name index of the Population Registry (issue 16). Every person has two name parts,
/// the surname (part 0) and the given name (part 1); each part is written as up to four terms
/// (<see cref="TermSpace"/>), and each term has a posting list of the parts that carry it
/// (<c>row * 2 + part</c>). Typing errors are found through a deletion neighbourhood of the term
/// vocabulary (every term with one, or two, letters or clusters deleted), so a query with an error
/// reaches the few terms near it without scanning the vocabulary; the candidates are then checked
/// with the real edit distance (<see cref="NameDistance"/>).
/// <para>
/// Why in memory and not pg_trgm or FTS5: the same code, results and ranking on PostgreSQL and
/// SQLite; the ranking (exact, variant, other script, typo; birth date; area) computed exactly
/// rather than approximated by a similarity score; and the vocabulary of Cambodian names is small
/// (a few hundred surnames, some thousands of given-name spellings), so rows and postings are the
/// memory: about 180 bytes a person, measured (docs/benchmarks.md). The index is a
/// cache of the database: built from <c>pop_persons</c> and kept current from the registry's change
/// feed (<see cref="PersonNameIndexFeed"/>); results are always read back from the database.
/// </para>
/// <para>
/// Thread safety: searches read under a shared lock, changes are applied under an exclusive one.
/// A changed name leaves its old posting in place; readers check every posting against the row's
/// current term, so a stale posting is skipped, never wrong.
/// </para>
/// </summary>
internal sealed class PersonNameIndex
{
    private const int Spaces = 4;

    // No name part is longer; past these a typed "name" is not looked for with typing errors, so a
    // long string cannot make the deletion neighbourhood (quadratic in its length) expensive.
    private const int MaxFuzzyLetters = 24;
    private const int MaxFuzzyClusters = 12;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<Guid, int> _rowOf;
    private Guid[] _ids;
    private int[] _versions;
    private bool[] _live;
    private short[] _birthYear;
    private byte[] _birthMonth;
    private byte[] _birthDay;
    private byte[] _sex;
    private int[] _residence;
    private int[] _birthPlace;
    private readonly int[][] _partTerms;
    private int _rows;

    /// <summary>An empty index with room for <paramref name="capacity"/> persons (it grows past that by doubling).</summary>
    public PersonNameIndex(int capacity = 1024)
    {
        capacity = Math.Max(16, capacity);
        _rowOf = new Dictionary<Guid, int>(capacity);
        _ids = new Guid[capacity];
        _versions = new int[capacity];
        _live = new bool[capacity];
        _birthYear = new short[capacity];
        _birthMonth = new byte[capacity];
        _birthDay = new byte[capacity];
        _sex = new byte[capacity];
        _residence = new int[capacity];
        _birthPlace = new int[capacity];
        _partTerms = [new int[capacity * 2], new int[capacity * 2], new int[capacity * 2], new int[capacity * 2]];
    }

    /// <summary>Gives back the spare room of the posting lists, after a build.</summary>
    public void TrimExcess()
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var space in _postings)
            {
                foreach (var list in space)
                {
                    list.TrimExcess();
                }
            }

            foreach (var pairs in _pairs)
            {
                foreach (var list in pairs.Values)
                {
                    list.TrimExcess();
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
    private int _liveRows;

    private readonly Dictionary<string, int> _placeIndex = new(StringComparer.Ordinal);
    private readonly List<string> _places = [];

    // Khmer terms (space 0) and Latin terms (spaces 1–3) are two vocabularies.
    private readonly Vocabulary _khmer = new(khmer: true);
    private readonly Vocabulary _latin = new(khmer: false);
    private readonly List<List<int>>[] _postings = [[], [], [], []];

    // Whole names: (surname term, given-name term) → rows, in the spaces where one key stands for
    // all the spellings of a part (the Khmer key, and the two folded keys). A two-part query looks
    // its few term pairs up here instead of walking the postings of a common name.
    private static readonly TermSpace[] PairSpaces = [TermSpace.KhmerExact, TermSpace.LatinSound, TermSpace.KhmerSound];
    private readonly Dictionary<(int Surname, int Given), List<int>>[] _pairs = [new(), new(), new(), new()];
    private readonly Dictionary<(string Km, string Latin), PartTermIds> _partCache = [];

    /// <summary>Persons searchable now (not voided).</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _liveRows; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Distinct terms in the two vocabularies, and entries in their deletion neighbourhoods.</summary>
    public (int Terms, int Deletions) VocabularySize
    {
        get
        {
            _lock.EnterReadLock();
            try { return (_khmer.Count + _latin.Count, _khmer.DeletionCount + _latin.DeletionCount); }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Adds or updates persons; a voided record (its key is not a KIDC) leaves the index. Older versions than the one held are ignored.</summary>
    public void Apply(IEnumerable<PersonFacts> persons)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var p in persons)
            {
                ApplyOne(p);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private void ApplyOne(PersonFacts p)
    {
        if (!_rowOf.TryGetValue(p.PersonId, out var row))
        {
            row = _rows++;
            EnsureCapacity(_rows);
            _rowOf[p.PersonId] = row;
            _ids[row] = p.PersonId;
            for (var s = 0; s < Spaces; s++)
            {
                _partTerms[s][row * 2] = -1;
                _partTerms[s][row * 2 + 1] = -1;
            }
        }
        else if (_versions[row] > p.Version)
        {
            return;
        }

        _versions[row] = p.Version;
        var live = p.Kidc.Length > 0 && char.IsAsciiDigit(p.Kidc[0]);
        if (live != _live[row])
        {
            _liveRows += live ? 1 : -1;
        }

        _live[row] = live;
        _birthYear[row] = (short)p.BirthYear;
        _birthMonth[row] = (byte)(p.BirthMonth ?? 0);
        _birthDay[row] = (byte)(p.BirthDay ?? 0);
        _sex[row] = (byte)p.Sex;
        _residence[row] = Place(p.ResidenceVillageCode);
        _birthPlace[row] = p.BirthPlaceCode is null ? -1 : Place(p.BirthPlaceCode);
        var before = PairSpaces.Select(space => PairOf(space, row)).ToArray();
        SetPart(row * 2, p.SurnameKm, p.SurnameLatin);
        SetPart(row * 2 + 1, p.GivenNameKm, p.GivenNameLatin);
        for (var i = 0; i < PairSpaces.Length; i++)
        {
            var pair = PairOf(PairSpaces[i], row);
            if (pair != before[i] && pair.Surname >= 0 && pair.Given >= 0)
            {
                var pairs = _pairs[(int)PairSpaces[i]];
                if (!pairs.TryGetValue(pair, out var rows))
                {
                    pairs[pair] = rows = [];
                }

                rows.Add(row);
            }
        }
    }

    private (int Surname, int Given) PairOf(TermSpace space, int row) =>
        (_partTerms[(int)space][row * 2], _partTerms[(int)space][row * 2 + 1]);

    private int Place(string code)
    {
        if (!_placeIndex.TryGetValue(code, out var i))
        {
            i = _places.Count;
            _places.Add(code);
            _placeIndex[code] = i;
        }

        return i;
    }

    private void SetPart(int entry, string km, string latin)
    {
        if (!_partCache.TryGetValue((km, latin), out var ids))
        {
            var terms = PartTerms.Of(km, latin);
            ids = new PartTermIds(
                _khmer.Intern(terms.KhmerExact),
                _latin.Intern(terms.LatinExact),
                _latin.Intern(terms.LatinSound),
                _latin.Intern(terms.KhmerSound));
            _partCache[(km, latin)] = ids;
        }

        Set(TermSpace.KhmerExact, entry, ids.KhmerExact);
        Set(TermSpace.LatinExact, entry, ids.LatinExact);
        Set(TermSpace.LatinSound, entry, ids.LatinSound);
        Set(TermSpace.KhmerSound, entry, ids.KhmerSound);
    }

    private void Set(TermSpace space, int entry, int term)
    {
        var terms = _partTerms[(int)space];
        if (terms[entry] == term)
        {
            return;
        }

        terms[entry] = term;
        if (term < 0)
        {
            return;
        }

        var postings = _postings[(int)space];
        while (postings.Count <= term)
        {
            postings.Add([]);
        }

        postings[term].Add(entry);
    }

    private void EnsureCapacity(int rows)
    {
        if (rows <= _ids.Length)
        {
            return;
        }

        var size = Math.Max(rows, _ids.Length * 2);
        Array.Resize(ref _ids, size);
        Array.Resize(ref _versions, size);
        Array.Resize(ref _live, size);
        Array.Resize(ref _birthYear, size);
        Array.Resize(ref _birthMonth, size);
        Array.Resize(ref _birthDay, size);
        Array.Resize(ref _sex, size);
        Array.Resize(ref _residence, size);
        Array.Resize(ref _birthPlace, size);
        for (var s = 0; s < Spaces; s++)
        {
            Array.Resize(ref _partTerms[s], size * 2);
        }
    }

    /// <summary>
    /// The best <paramref name="take"/> persons for <paramref name="query"/>, best first, and how
    /// many matched in all (at least; the typing-error pass runs only when the better matches do
    /// not fill the page, since they would all rank after them).
    /// </summary>
    public (List<NameHit> Hits, int Matched) Search(NameQuery query, NameFilter filter, int take)
    {
        _lock.EnterReadLock();
        try
        {
            var search = new Run(this, filter, take);
            var groups = new GroupCache(this);
            search.Evaluate(query, groups, fuzzy: false);
            if (search.Matched <= take)
            {
                search.Evaluate(query, groups, fuzzy: true);
            }

            return (search.Top(), search.Matched);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private readonly record struct PartTermIds(int KhmerExact, int LatinExact, int LatinSound, int KhmerSound);

    /// <summary>The terms one query group (a part of the name as typed) meets, per space, with how well.</summary>
    private sealed class GroupMatch
    {
        public readonly Dictionary<int, (NameMatchKind Kind, int Edits)>[] Terms = [new(), new(), new(), new()];
        public long Postings;

        public bool IsEmpty => Terms[0].Count + Terms[1].Count + Terms[2].Count + Terms[3].Count == 0;

        public void Add(PersonNameIndex index, TermSpace space, int term, NameMatchKind kind, int edits)
        {
            if (term < 0)
            {
                return;
            }

            var postings = index._postings[(int)space];
            if (term >= postings.Count || postings[term].Count == 0)
            {
                return;
            }

            var map = Terms[(int)space];
            if (map.TryGetValue(term, out var held) && (held.Kind > kind || (held.Kind == kind && held.Edits <= edits)))
            {
                return;
            }

            if (!map.ContainsKey(term))
            {
                Postings += postings[term].Count;
            }

            map[term] = (kind, edits);
        }
    }

    /// <summary>Resolves each distinct query group once per search, first without and then with typing errors.</summary>
    private sealed class GroupCache(PersonNameIndex index)
    {
        private readonly Dictionary<(string, bool), GroupMatch> _groups = [];

        public GroupMatch Get(string text, bool fuzzy)
        {
            if (!_groups.TryGetValue((text, fuzzy), out var match))
            {
                match = index.Resolve(text, fuzzy);
                _groups[(text, fuzzy)] = match;
            }

            return match;
        }
    }

    private GroupMatch Resolve(string text, bool fuzzy)
    {
        var match = new GroupMatch();
        if (KhmerText.ContainsKhmer(text))
        {
            var key = NameKeys.KhmerKey(text);
            if (key.Length == 0)
            {
                return match;
            }

            match.Add(this, TermSpace.KhmerExact, _khmer.Find(key), NameMatchKind.Exact, 0);
            var sound = PartTerms.SoundOfKhmer(key);
            if (sound.Length > 0)
            {
                var term = _latin.Find(sound);
                match.Add(this, TermSpace.KhmerSound, term, NameMatchKind.Variant, 0);
                match.Add(this, TermSpace.LatinSound, term, NameMatchKind.OtherScript, 0);
            }

            if (fuzzy)
            {
                var clusters = KhmerClusters.Split(key);
                var allowed = clusters.Count > MaxFuzzyClusters ? 0 : NameDistance.AllowedKhmer(clusters.Count);
                if (allowed > 0)
                {
                    foreach (var (term, edits) in _khmer.Near(key, clusters, allowed))
                    {
                        match.Add(this, TermSpace.KhmerExact, term, NameMatchKind.Typo, edits);
                    }
                }
            }

            return match;
        }

        var letters = LatinNames.Letters(text);
        if (letters.Length == 0)
        {
            return match;
        }

        var fold = LatinNames.Fold(letters);
        match.Add(this, TermSpace.LatinExact, _latin.Find(letters), NameMatchKind.Exact, 0);
        var folded = _latin.Find(fold);
        match.Add(this, TermSpace.LatinSound, folded, NameMatchKind.Variant, 0);
        match.Add(this, TermSpace.KhmerSound, folded, NameMatchKind.OtherScript, 0);
        if (fuzzy)
        {
            var allowed = letters.Length > MaxFuzzyLetters ? 0 : NameDistance.AllowedLatin(letters.Length);
            if (allowed > 0)
            {
                foreach (var probe in fold == letters ? [letters] : new[] { letters, fold })
                {
                    foreach (var (term, edits) in _latin.Near(probe, null, allowed))
                    {
                        match.Add(this, TermSpace.LatinExact, term, NameMatchKind.Typo, edits);
                        match.Add(this, TermSpace.LatinSound, term, NameMatchKind.Typo, edits);
                        match.Add(this, TermSpace.KhmerSound, term, NameMatchKind.Typo, edits);

                        // A neighbour spelled as recorded stands for its folded key in the pair spaces.
                        var folded2 = _latin.Find(LatinNames.Fold(_latin.Text(term)));
                        match.Add(this, TermSpace.LatinSound, folded2, NameMatchKind.Typo, edits);
                        match.Add(this, TermSpace.KhmerSound, folded2, NameMatchKind.Typo, edits);
                    }
                }
            }
        }

        return match;
    }

    /// <summary>One search over the index: candidates are kept only while they can still reach the page.</summary>
    private sealed class Run(PersonNameIndex index, NameFilter filter, int take)
    {
        private readonly Dictionary<int, NameHit> _hits = [];

        public int Matched => _hits.Count;

        public void Evaluate(NameQuery query, GroupCache groups, bool fuzzy)
        {
            // The whole name as one part ("Sreymom", or a one-word query: surname or given name).
            Single(groups.Get(query.Joined, fuzzy), query.Words.Count > 1 ? Cover.Part : Cover.Whole);

            // Every split of the words into a family name and a given name, in either order.
            for (var i = 1; i < query.Words.Count; i++)
            {
                Pair(groups.Get(string.Concat(query.Words.Take(i)), fuzzy), groups.Get(string.Concat(query.Words.Skip(i)), fuzzy));
            }

            // One word holding the whole name without a space ("សុខដារ៉ា", "sokdara"): its splits
            // into two known parts, without typing errors (too many splits would meet by chance).
            if (query.Words.Count == 1 && !fuzzy)
            {
                foreach (var (left, right) in index.KnownSplits(query.Joined))
                {
                    Pair(groups.Get(left, false), groups.Get(right, false));
                }
            }
        }

        private void Single(GroupMatch group, Cover cover)
        {
            for (var s = 0; s < Spaces; s++)
            {
                var terms = index._partTerms[s];
                foreach (var (term, (kind, edits)) in group.Terms[s])
                {
                    foreach (var entry in index._postings[s][term])
                    {
                        var row = entry >> 1;
                        if (terms[entry] != term || !index._live[row] || !filter.KeepsBirthAndSex(index, row) ||
                            SeenInEarlierSpace(group, entry, s) || !filter.KeepsPlace(index, row))
                        {
                            continue;
                        }

                        Offer(new NameHit(row, kind, cover, edits, WordOrder: false));
                    }
                }
            }
        }

        private void Pair(GroupMatch first, GroupMatch second)
        {
            if (first.IsEmpty || second.IsEmpty)
            {
                return;
            }

            // Each pair of terms the two groups meet, as family + given name and in the other order.
            foreach (var space in PairSpaces)
            {
                var s = (int)space;
                foreach (var a in first.Terms[s].Keys)
                {
                    foreach (var b in second.Terms[s].Keys)
                    {
                        Visit(space, a, b, first, second, wordOrder: false);
                        Visit(space, b, a, second, first, wordOrder: true);
                    }
                }
            }
        }

        private void Visit(TermSpace space, int surname, int given, GroupMatch surnameGroup, GroupMatch givenGroup, bool wordOrder)
        {
            if (!index._pairs[(int)space].TryGetValue((surname, given), out var rows))
            {
                return;
            }

            var terms = index._partTerms[(int)space];
            foreach (var row in rows)
            {
                if (terms[row * 2] != surname || terms[row * 2 + 1] != given || !index._live[row] ||
                    !filter.KeepsBirthAndSex(index, row) || !filter.KeepsPlace(index, row))
                {
                    continue;
                }

                var (surnameKind, surnameEdits) = index.Best(surnameGroup, row * 2);
                var (givenKind, givenEdits) = index.Best(givenGroup, row * 2 + 1);
                Offer(new NameHit(row, (NameMatchKind)Math.Min((int)surnameKind, (int)givenKind), Cover.Whole, surnameEdits + givenEdits, wordOrder));
            }
        }

        /// <summary>
        /// True when this part was already reached through an earlier space of the group (most
        /// parts carry the same name in several spaces: "Dara" is an exact, a folded and a
        /// romanized term); earlier spaces hold the better kinds, so the first visit was the best.
        /// </summary>
        private bool SeenInEarlierSpace(GroupMatch group, int entry, int space)
        {
            for (var s = 0; s < space; s++)
            {
                var term = index._partTerms[s][entry];
                if (term >= 0 && group.Terms[s].ContainsKey(term))
                {
                    return true;
                }
            }

            return false;
        }

        private void Offer(NameHit hit)
        {
            if (!_hits.TryGetValue(hit.Row, out var held) || NameHit.Better(hit, held))
            {
                _hits[hit.Row] = hit;
            }
        }

        public List<NameHit> Top()
        {
            var ranked = new List<NameHit>(Math.Min(_hits.Count, take + 1));
            var comparer = new HitComparer(index, filter);
            foreach (var hit in _hits.Values)
            {
                if (ranked.Count > take && comparer.Compare(hit, ranked[^1]) >= 0)
                {
                    continue;
                }

                var at = ranked.BinarySearch(hit, comparer);
                ranked.Insert(at < 0 ? ~at : at, hit);
                if (ranked.Count > take + 1)
                {
                    ranked.RemoveAt(ranked.Count - 1);
                }
            }

            return ranked;
        }
    }

    /// <summary>How well a stored part meets a query group, over every space: the best kind, then the fewest edits.</summary>
    private (NameMatchKind Kind, int Edits) Best(GroupMatch group, int entry)
    {
        var best = (Kind: NameMatchKind.None, Edits: 0);
        for (var s = 0; s < Spaces; s++)
        {
            var term = _partTerms[s][entry];
            if (term >= 0 && group.Terms[s].TryGetValue(term, out var m) &&
                (m.Kind > best.Kind || (m.Kind == best.Kind && m.Edits < best.Edits)))
            {
                best = m;
            }
        }

        return best;
    }

    /// <summary>Splits of one typed word into two parts that both exist as exact or variant terms.</summary>
    private IEnumerable<(string Left, string Right)> KnownSplits(string word)
    {
        if (KhmerText.ContainsKhmer(word))
        {
            var clusters = KhmerClusters.Split(NameKeys.KhmerKey(word));
            for (var i = 1; i < clusters.Count; i++)
            {
                var left = string.Concat(clusters.Take(i));
                var right = string.Concat(clusters.Skip(i));
                if (_khmer.Find(left) >= 0 && _khmer.Find(right) >= 0)
                {
                    yield return (left, right);
                }
            }

            yield break;
        }

        var letters = LatinNames.Letters(word);
        for (var i = 2; i <= letters.Length - 2; i++)
        {
            var left = letters[..i];
            var right = letters[i..];
            if (KnownLatin(left) && KnownLatin(right))
            {
                yield return (left, right);
            }
        }
    }

    private bool KnownLatin(string letters) => _latin.Find(letters) >= 0 || _latin.Find(LatinNames.Fold(letters)) >= 0;

    /// <summary>The order of the page: how well the name matched, then the birth date, then the caller's area.</summary>
    private sealed class HitComparer(PersonNameIndex index, NameFilter filter) : IComparer<NameHit>
    {
        public int Compare(NameHit a, NameHit b)
        {
            var c = b.Kind.CompareTo(a.Kind);
            if (c != 0) return c;
            c = b.Cover.CompareTo(a.Cover);
            if (c != 0) return c;
            c = a.Edits.CompareTo(b.Edits);
            if (c != 0) return c;
            c = filter.BirthDistance(index, a.Row).CompareTo(filter.BirthDistance(index, b.Row));
            if (c != 0) return c;
            c = filter.InArea(index, b.Row).CompareTo(filter.InArea(index, a.Row));
            if (c != 0) return c;
            c = a.WordOrder.CompareTo(b.WordOrder);
            return c != 0 ? c : a.Row.CompareTo(b.Row);
        }
    }

    /// <summary>The filters and ranking hints of a search, applied to rows of the index.</summary>
    internal sealed class NameFilter
    {
        public int? YearFrom { get; init; }
        public int? YearTo { get; init; }
        public Sex? Sex { get; init; }
        /// <summary>Residence or place of birth inside this gazetteer code.</summary>
        public string? Place { get; init; }
        /// <summary>The caller's jurisdiction: residence inside it, or nothing is shown.</summary>
        public string? Jurisdiction { get; init; }
        /// <summary>The birth date the clerk gave or typed, for ranking.</summary>
        public Nokor.Platform.Dates.PartialDate? Born { get; init; }
        /// <summary>The caller's area, for ranking (people living or born there first).</summary>
        public string? Area { get; init; }

        public bool KeepsBirthAndSex(PersonNameIndex index, int row)
        {
            var year = index._birthYear[row];
            return year >= YearFrom.GetValueOrDefault(int.MinValue) && year <= YearTo.GetValueOrDefault(int.MaxValue) &&
                   (Sex is not { } sex || index._sex[row] == (byte)sex);
        }

        public bool KeepsPlace(PersonNameIndex index, int row)
        {
            if (Jurisdiction is null && Place is null)
            {
                return true;
            }

            var residence = index._places[index._residence[row]];
            if (Jurisdiction is not null && !residence.StartsWith(Jurisdiction, StringComparison.Ordinal))
            {
                return false;
            }

            if (Place is null || residence.StartsWith(Place, StringComparison.Ordinal))
            {
                return true;
            }

            var born = index._birthPlace[row];
            return born >= 0 && index._places[born].StartsWith(Place, StringComparison.Ordinal);
        }

        /// <summary>How far the person's birth date is from the one asked, in days (a missing month or day counts half its range); 0 when none was asked.</summary>
        public int BirthDistance(PersonNameIndex index, int row)
        {
            if (Born is not { } born)
            {
                return 0;
            }

            var distance = Math.Abs(index._birthYear[row] - born.Year) * 366;
            if (born.Month is not { } month)
            {
                return distance;
            }

            var m = index._birthMonth[row];
            distance += m == 0 ? 180 : Math.Abs(m - month) * 31;
            if (born.Day is not { } day)
            {
                return distance;
            }

            var d = index._birthDay[row];
            return distance + (d == 0 || m == 0 ? 15 : Math.Abs(d - day));
        }

        public bool InArea(PersonNameIndex index, int row)
        {
            if (Area is null)
            {
                return false;
            }

            if (index._places[index._residence[row]].StartsWith(Area, StringComparison.Ordinal))
            {
                return true;
            }

            var born = index._birthPlace[row];
            return born >= 0 && index._places[born].StartsWith(Area, StringComparison.Ordinal);
        }
    }

    /// <summary>The person id of a row (read under the search's answer; rows are never reused).</summary>
    public Guid IdOf(int row)
    {
        _lock.EnterReadLock();
        try { return _ids[row]; }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>
    /// The terms of one vocabulary, and their deletion neighbourhood: every term with up to two
    /// letters (Latin) or one cluster (Khmer) deleted points back to the term. Two strings within
    /// k edits share a string reachable from both with at most k deletions, so a query's own
    /// deletions find every term near it; <see cref="NameDistance"/> then confirms each one.
    /// </summary>
    private sealed class Vocabulary(bool khmer)
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _terms = [];
        private readonly Dictionary<string, List<int>> _deletions = new(StringComparer.Ordinal);

        public int Count => _terms.Count;
        public int DeletionCount => _deletions.Count;

        public int Find(string term) => term.Length > 0 && _ids.TryGetValue(term, out var id) ? id : -1;

        public string Text(int term) => _terms[term];

        public int Intern(string term)
        {
            if (term.Length == 0)
            {
                return -1;
            }

            if (_ids.TryGetValue(term, out var id))
            {
                return id;
            }

            id = _terms.Count;
            _terms.Add(term);
            _ids[term] = id;
            foreach (var deleted in Deletions(term, khmer ? KhmerClusters.Split(term) : null, khmer ? 1 : 2))
            {
                if (!_deletions.TryGetValue(deleted, out var list))
                {
                    _deletions[deleted] = list = [];
                }

                list.Add(id);
            }

            return id;
        }

        /// <summary>Terms within <paramref name="allowed"/> edits of <paramref name="probe"/> (not the probe itself), with their distance.</summary>
        public IEnumerable<(int Term, int Edits)> Near(string probe, List<string>? clusters, int allowed)
        {
            var seen = new HashSet<int>();
            var own = Find(probe);
            if (own >= 0)
            {
                seen.Add(own);
            }

            foreach (var key in Deletions(probe, clusters, allowed).Prepend(probe))
            {
                if (!_deletions.TryGetValue(key, out var terms))
                {
                    if (Find(key) is var direct and >= 0 && seen.Add(direct))
                    {
                        var d = Distance(probe, _terms[direct], allowed);
                        if (d <= allowed) yield return (direct, d);
                    }

                    continue;
                }

                foreach (var term in terms)
                {
                    if (seen.Add(term))
                    {
                        var d = Distance(probe, _terms[term], allowed);
                        if (d <= allowed) yield return (term, d);
                    }
                }

                if (Find(key) is var exact and >= 0 && seen.Add(exact))
                {
                    var d = Distance(probe, _terms[exact], allowed);
                    if (d <= allowed) yield return (exact, d);
                }
            }
        }

        private int Distance(string a, string b, int allowed) =>
            khmer ? NameDistance.Khmer(a, b, allowed) : NameDistance.Latin(a, b, allowed);

        /// <summary>The strings made by deleting 1..max letters (or clusters) of a term; none for terms too short to keep a meaning.</summary>
        private static HashSet<string> Deletions(string term, List<string>? clusters, int max)
        {
            var units = clusters ?? term.Select(c => c.ToString()).ToList();
            var result = new HashSet<string>(StringComparer.Ordinal);
            if (units.Count < 2)
            {
                return result;
            }

            var level = new List<List<string>> { units };
            for (var depth = 1; depth <= max && depth < units.Count; depth++)
            {
                var next = new List<List<string>>();
                foreach (var u in level)
                {
                    for (var i = 0; i < u.Count; i++)
                    {
                        var shorter = new List<string>(u.Count - 1);
                        shorter.AddRange(u.Take(i));
                        shorter.AddRange(u.Skip(i + 1));
                        if (result.Add(string.Concat(shorter)))
                        {
                            next.Add(shorter);
                        }
                    }
                }

                level = next;
            }

            return result;
        }
    }
}

/// <summary>How much of the person's name the query covered: one part, or the whole name.</summary>
internal enum Cover
{
    Part = 0,
    Whole = 1,
}

/// <summary>One person found: the row, how the name matched, and the edits a typing error cost.</summary>
internal readonly record struct NameHit(int Row, NameMatchKind Kind, Cover Cover, int Edits, bool WordOrder)
{
    public static bool Better(NameHit a, NameHit b) =>
        a.Kind != b.Kind ? a.Kind > b.Kind :
        a.Cover != b.Cover ? a.Cover > b.Cover :
        a.Edits != b.Edits ? a.Edits < b.Edits :
        !a.WordOrder && b.WordOrder;
}
