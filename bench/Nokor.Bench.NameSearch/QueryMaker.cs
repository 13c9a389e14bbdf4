namespace Nokor.Bench.NameSearch;

/// <summary>What a query is scored on.</summary>
internal enum Measure
{
    /// <summary>The sampled person is among the first ten results.</summary>
    Top10,

    /// <summary>The sampled person is the first result.</summary>
    First,

    /// <summary>Nobody should be found: a name not in the registry.</summary>
    Negative,
}

/// <summary>One evaluation query: the text a clerk types, the optional birth date filter, and the
/// person (KIDC) it should find. <paramref name="Attainable"/> is false for a first-result query
/// when namesakes share the date filter, so that no ranking can put the right one first for sure.</summary>
internal sealed record EvalQuery(
    string Class,
    string Kind,
    string Script,
    string Text,
    string? BirthDate,
    string? Target,
    Measure Measure,
    bool Attainable,
    string Year,
    IReadOnlyList<string> Rules);

/// <summary>Builds the evaluation queries of every class from the sampled persons with a seeded
/// random source, so one seed and one sample give the same queries.</summary>
internal static class QueryMaker
{
    public const string Exact = "1 exact name";
    public const string ExactFirst = "1b exact name + birth year, first result";
    public const string KhmerTyped = "2 Khmer: invisible chars, split vowels, mark order, spacing";
    public const string LatinTyped = "3 Latin: case, punctuation, spacing";
    public const string Romanized = "4 another romanization";
    public const string Typo = "5 one typing error (Latin, 5+ letters)";
    public const string WordOrder = "6 given name first";
    public const string Shared = "7 shared name (>10 namesakes), first result";
    public const string Negative = "8 names not in the registry";

    public const string Km = "Khmer";
    public const string Latin = "Latin";

    public static List<EvalQuery> Make(IReadOnlyList<SampledPerson> persons, IReadOnlyList<SampledPerson> common,
        RegistryNames registry, int seed)
    {
        var rng = new Random(seed);
        var queries = new List<EvalQuery>();
        EvalQuery Q(string cls, string kind, string script, string text, string? birthDate, SampledPerson? p,
            Measure measure = Measure.Top10, bool attainable = true, IReadOnlyList<string>? rules = null) =>
            new(cls, kind, script, text, birthDate, p?.Kidc, measure, attainable, p?.Year ?? "", rules ?? []);

        foreach (var p in persons)
        {
            // 1. Exact full name, "surname given", and with the birth year for the first result.
            queries.Add(Q(Exact, "exact", Km, p.FullKm, null, p));
            queries.Add(Q(Exact, "exact", Latin, p.FullLatin, null, p));
            queries.Add(Q(ExactFirst, "+ birth year", Km, p.FullKm, p.Year, p, Measure.First, p.SameNameYearKm == 1));
            queries.Add(Q(ExactFirst, "+ birth year", Latin, p.FullLatin, p.Year, p, Measure.First, p.SameNameYearLatin == 1));

            // 2. Khmer typed or pasted otherwise.
            queries.Add(Q(KhmerTyped, "zero-width space", Km, KhmerForms.InsertInvisible(p.SurnameKm, p.GivenNameKm, KhmerForms.Zwsp, rng), null, p));
            queries.Add(Q(KhmerTyped, "zero-width non-joiner", Km, KhmerForms.InsertInvisible(p.SurnameKm, p.GivenNameKm, KhmerForms.Zwnj, rng), null, p));
            if (KhmerForms.SplitVowels(p.FullKm, rng) is { } split)
            {
                queries.Add(Q(KhmerTyped, "split vowel", Km, split, null, p));
            }

            if (KhmerForms.ReorderMarks(p.FullKm, rng) is { } reordered)
            {
                queries.Add(Q(KhmerTyped, "marks in another order", Km, reordered, null, p));
            }

            queries.Add(Q(KhmerTyped, "no space", Km, p.SurnameKm + p.GivenNameKm, null, p));
            queries.Add(Q(KhmerTyped, "double space", Km, p.SurnameKm + "  " + p.GivenNameKm, null, p));

            // 3. Latin in other case, punctuation and spacing.
            foreach (var (kind, text) in LatinForms.CaseAndPunctuation(p.SurnameLatin, p.GivenNameLatin))
            {
                queries.Add(Q(LatinTyped, kind, Latin, text, null, p));
            }

            // 4. Two queries per person in another romanization.
            for (var n = 0; n < 2; n++)
            {
                if (Romanize(p, rng) is { } variant)
                {
                    queries.Add(Q(Romanized, variant.Kind, Latin, variant.Text, null, p, rules: variant.Rules));
                }
            }

            // 5. One typing error of each kind in a Latin name of five letters or more.
            var longWords = new List<(string Which, string Word)>();
            if (p.SurnameLatin.Length >= 5)
            {
                longWords.Add(("surname", p.SurnameLatin));
            }

            if (p.GivenNameLatin.Length >= 5)
            {
                longWords.Add(("given name", p.GivenNameLatin));
            }

            if (longWords.Count > 0)
            {
                foreach (var kind in LatinForms.TypoKinds)
                {
                    var (which, word) = longWords[rng.Next(longWords.Count)];
                    if (LatinForms.Typo(word, kind, rng) is { } typed)
                    {
                        var text = which == "surname" ? typed + " " + p.GivenNameLatin : p.SurnameLatin + " " + typed;
                        queries.Add(Q(Typo, kind + " (" + which + ")", Latin, text, null, p));
                    }
                }
            }

            // 6. The given name before the family name.
            queries.Add(Q(WordOrder, "given surname", Km, p.GivenNameKm + " " + p.SurnameKm, null, p));
            queries.Add(Q(WordOrder, "given surname", Latin, p.GivenNameLatin + " " + p.SurnameLatin, null, p));
        }

        // 7. A name many people share: the first result given the birth year, then the full date.
        foreach (var p in common)
        {
            queries.Add(Q(Shared, "+ birth year", Km, p.FullKm, p.Year, p, Measure.First, p.SameNameYearKm == 1));
            queries.Add(Q(Shared, "+ birth year", Latin, p.FullLatin, p.Year, p, Measure.First, p.SameNameYearLatin == 1));
            if (p.FullDate is { } date)
            {
                queries.Add(Q(Shared, "+ full date", Km, p.FullKm, date, p, Measure.First, p.SameNameDateKm == 1));
                queries.Add(Q(Shared, "+ full date", Latin, p.FullLatin, date, p, Measure.First, p.SameNameDateLatin == 1));
            }
        }

        // 8. Names not in the registry: "far" when every word is two edits or more from any name
        // in the registry, "near" otherwise (a tolerant search may rightly offer look-alikes).
        var count = Math.Max(300, persons.Count);
        for (var i = 0; i < count; i++)
        {
            var (ks, kg) = KhmerForms.Negative(registry, rng);
            var kFar = LatinForms.Nearest(ks, registry.Khmer) >= 2 && LatinForms.Nearest(kg, registry.Khmer) >= 2;
            queries.Add(Q(Negative, kFar ? "far" : "near", Km, ks + " " + kg, null, null, Measure.Negative));
            var (ls, lg) = LatinForms.Negative(registry, rng);
            var lFar = LatinForms.Nearest(ls, registry.Latin) >= 2 && LatinForms.Nearest(lg, registry.Latin) >= 2;
            queries.Add(Q(Negative, lFar ? "far" : "near", Latin, ls + " " + lg, null, null, Measure.Negative));
        }

        return queries;
    }

    /// <summary>One or two romanization rules applied to the surname, the given name or both;
    /// null when no rule changes this person's name.</summary>
    private static (string Kind, string Text, IReadOnlyList<string> Rules)? Romanize(SampledPerson p, Random rng)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var surname = p.SurnameLatin;
            var given = p.GivenNameLatin;
            // Half the queries with one rule (on the surname or the given name), half with two (on
            // the surname, the given name, or one on each).
            var two = rng.Next(2) == 1;
            var target = rng.Next(two ? 3 : 2); // 0 surname, 1 given name, 2 both
            var rules = new List<string>();
            var applications = target == 2 ? new[] { 0, 1 } : two ? new[] { target, target } : new[] { target };
            var ok = true;
            foreach (var which in applications)
            {
                var word = which == 0 ? surname : given;
                var fitting = Romanization.Fitting(word, which == 0 ? p.SurnameKm : p.GivenNameKm).Where(r => !rules.Contains(r.Name)).ToList();
                string? changed = null;
                Romanization.Rule? used = null;
                while (fitting.Count > 0 && changed is null)
                {
                    used = fitting[rng.Next(fitting.Count)];
                    fitting.Remove(used);
                    changed = Romanization.Apply(used, word, rng);
                }

                if (changed is null || used is null)
                {
                    ok = false;
                    break;
                }

                rules.Add(used.Name);
                if (which == 0)
                {
                    surname = changed;
                }
                else
                {
                    given = changed;
                }
            }

            // Two rules may undo each other; the query must differ from the recorded spelling.
            if (!ok || (string.Equals(surname, p.SurnameLatin, StringComparison.OrdinalIgnoreCase)
                        && string.Equals(given, p.GivenNameLatin, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var where = target switch { 0 => "surname", 1 => "given name", _ => "both" };
            return ($"{rules.Count} rule{(rules.Count > 1 ? "s" : "")}, {where}", surname + " " + given, rules);
        }

        return null;
    }
}
