using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;

namespace Nokor.Population.Families;

/// <summary>
/// Whether two persons are related closely enough for the caller's limits (the prohibited degrees
/// of a marriage). The ancestors of both persons, and of their spouses and former spouses (for
/// relatives by marriage), are read level by level through the registry's parent links: the
/// record's father and mother, the sealed parents of a full adoption (blood relatives still), and
/// adoptive parents. One round trip per generation over the KIDC indexes (the persons' primary
/// KIDC index and the parent links' child index) plus one for the spouses: never a scan, however
/// large the registry. Only the kind and degree are answered, never who the common relatives are.
/// </summary>
internal static class KinshipCheck
{
    /// <summary>An upward edge: a child, a parent, and whether the link is adoptive.</summary>
    private readonly record struct Edge(string Child, string Parent, bool Adoptive, ParentRole? Role);

    /// <summary>How a seed reaches one of its ancestors: generations up and whether only through an adoption.</summary>
    private readonly record struct Reach(int Generations, bool Adoptive);

    public static async Task<Kinship?> HandleAsync(
        string kidcA, string kidcB, KinshipLimits limits, Actor actor, string purpose, PopulationDbContext db, IAuditLog audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!KidcRule.IsValid(kidcA) || !KidcRule.IsValid(kidcB) || kidcA == kidcB)
        {
            return null;
        }

        var found = await FindAsync(kidcA, kidcB, limits, db, ct);
        await audit.AppendAsync(new AuditEvent(actor, "person.kinship", "person", kidcA, purpose.Length <= 500 ? purpose : purpose[..500],
            AuditDetails.Of(new { other = kidcB, kind = found?.Kind.ToString(), degree = found?.Degree })), ct);
        return found;
    }

    private static async Task<Kinship?> FindAsync(string a, string b, KinshipLimits limits, PopulationDbContext db, CancellationToken ct)
    {
        // Spouses and former spouses of both, for the relatives by marriage (affinity outlives the
        // marriage that made it).
        var spouses = new Dictionary<string, List<string>> { [a] = [], [b] = [] };
        if (limits.Affinity)
        {
            var pair = new[] { a, b };
            var rows = await db.PersonSpouses.AsNoTracking()
                .Where(s => pair.Contains(s.PersonKidc) && s.SpouseKidc != null)
                .Select(s => new { s.PersonKidc, s.SpouseKidc })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                var other = row.PersonKidc == a ? b : a;
                if (row.SpouseKidc != other && !spouses[row.PersonKidc].Contains(row.SpouseKidc!))
                {
                    spouses[row.PersonKidc].Add(row.SpouseKidc!);
                }
            }
        }

        var seeds = new[] { a, b }.Concat(spouses[a]).Concat(spouses[b]).Distinct(StringComparer.Ordinal).ToList();
        var reach = seeds.ToDictionary(s => s, s => new Dictionary<string, Reach>(StringComparer.Ordinal) { [s] = new(0, false) }, StringComparer.Ordinal);
        var directParents = new Dictionary<string, Dictionary<ParentRole, string>>(StringComparer.Ordinal) { [a] = [], [b] = [] };
        var depth = Math.Max(limits.MaxLinealDegree, limits.MaxCollateralDegree - 1);
        for (var generation = 1; generation <= depth; generation++)
        {
            var frontier = reach.Values
                .SelectMany(r => r.Where(x => x.Value.Generations == generation - 1).Select(x => x.Key))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (frontier.Count == 0)
            {
                break;
            }

            var edges = await ParentsAsync(frontier, limits.Adoptive, db, ct);
            if (generation == 1)
            {
                foreach (var e in edges.Where(e => e.Role is not null && !e.Adoptive && directParents.ContainsKey(e.Child)))
                {
                    directParents[e.Child][e.Role!.Value] = e.Parent;
                }
            }

            var byChild = edges.ToLookup(e => e.Child, StringComparer.Ordinal);
            foreach (var ancestors in reach.Values)
            {
                var level = ancestors.Where(x => x.Value.Generations == generation - 1).ToList();
                foreach (var (child, how) in level)
                {
                    foreach (var edge in byChild[child])
                    {
                        var next = new Reach(generation, how.Adoptive || edge.Adoptive);
                        if (!ancestors.TryGetValue(edge.Parent, out var known) ||
                            (known.Generations == generation && known.Adoptive && !next.Adoptive))
                        {
                            ancestors[edge.Parent] = next;
                        }
                    }
                }
            }
        }

        var candidates = new List<(KinshipKind Kind, int Degree, int Up, int Down, bool Adoptive)>();

        // Lineal: one is the other's ancestor.
        foreach (var (x, y) in new[] { (a, b), (b, a) })
        {
            if (reach[x].TryGetValue(y, out var r) && r.Generations >= 1 && r.Generations <= limits.MaxLinealDegree)
            {
                candidates.Add((KinshipKind.Lineal, r.Generations, r.Generations, 0, r.Adoptive));
            }
        }

        // Collateral: a common ancestor, up from one and down to the other.
        foreach (var (ancestor, ra) in reach[a])
        {
            if (ra.Generations >= 1 && reach[b].TryGetValue(ancestor, out var rb) && rb.Generations >= 1 &&
                ra.Generations + rb.Generations <= limits.MaxCollateralDegree)
            {
                candidates.Add((KinshipKind.Collateral, ra.Generations + rb.Generations, ra.Generations, rb.Generations, ra.Adoptive || rb.Adoptive));
            }
        }

        // By affinity: one is a lineal relative (ancestor or descendant) of the other's spouse or former spouse.
        foreach (var (x, y) in new[] { (a, b), (b, a) })
        {
            foreach (var spouse in spouses[x])
            {
                if (reach[spouse].TryGetValue(y, out var up) && up.Generations >= 1 && up.Generations <= limits.MaxLinealDegree)
                {
                    candidates.Add((KinshipKind.LinealByAffinity, up.Generations, up.Generations, 0, up.Adoptive));
                }

                if (reach[y].TryGetValue(spouse, out var down) && down.Generations >= 1 && down.Generations <= limits.MaxLinealDegree)
                {
                    candidates.Add((KinshipKind.LinealByAffinity, down.Generations, 0, down.Generations, down.Adoptive));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var best = candidates
            .OrderBy(c => c.Degree)
            .ThenBy(c => c.Adoptive)
            .ThenBy(c => c.Kind)
            .First();
        var half = best is { Kind: KinshipKind.Collateral, Up: 1, Down: 1, Adoptive: false } &&
                   Enum.GetValues<ParentRole>().Any(role =>
                       directParents[a].TryGetValue(role, out var pa) && directParents[b].TryGetValue(role, out var pb) && pa != pb);
        return Describe(best.Adoptive ? KinshipKind.Adoptive : best.Kind, best.Kind, best.Degree, best.Up, best.Down, half);
    }

    /// <summary>The parents of the frontier's persons in one round trip: the record's father and mother, and the parent links.</summary>
    private static async Task<List<Edge>> ParentsAsync(List<string> frontier, bool adoptive, PopulationDbContext db, CancellationToken ct)
    {
        var rows = (await db.Persons.AsNoTracking()
            .Where(p => frontier.Contains(p.Kidc))
            .Select(p => new { Child = p.Kidc, Father = p.FatherKidc, Mother = p.MotherKidc, Parent = (string?)null, Link = -1 })
            .Concat(db.PersonParents.AsNoTracking()
                .Where(l => frontier.Contains(l.ChildKidc) && l.ParentKidc != null)
                .Select(l => new
                {
                    Child = l.ChildKidc,
                    Father = (string?)null,
                    Mother = (string?)null,
                    Parent = l.ParentKidc,
                    // As a number computed in the query: a converted enum column does not survive the union's typing.
                    Link = l.Kind == ParentLinkKind.Sealed ? (int)ParentLinkKind.Sealed
                        : l.Kind == ParentLinkKind.FullAdoptive ? (int)ParentLinkKind.FullAdoptive
                        : (int)ParentLinkKind.Adoptive,
                }))
            .ToListAsync(ct)).Select(r => new { r.Child, r.Father, r.Mother, r.Parent, Kind = r.Link < 0 ? (ParentLinkKind?)null : (ParentLinkKind)r.Link }).ToList();

        // A full adoption's parents are the record's father and mother; its links mark them adoptive.
        var fullyAdoptive = rows.Where(r => r.Kind == ParentLinkKind.FullAdoptive).Select(r => (r.Child, r.Parent!)).ToHashSet();
        var edges = new List<Edge>();
        foreach (var row in rows)
        {
            if (row.Kind is null)
            {
                foreach (var (parent, role) in new[] { (row.Father, ParentRole.Father), (row.Mother, ParentRole.Mother) })
                {
                    if (parent is null)
                    {
                        continue;
                    }

                    var isAdoptive = fullyAdoptive.Contains((row.Child, parent));
                    if (!isAdoptive || adoptive)
                    {
                        edges.Add(new Edge(row.Child, parent, isAdoptive, role));
                    }
                }
            }
            else if (row.Kind == ParentLinkKind.Sealed)
            {
                edges.Add(new Edge(row.Child, row.Parent!, false, null));
            }
            else if (row.Kind == ParentLinkKind.Adoptive && adoptive)
            {
                edges.Add(new Edge(row.Child, row.Parent!, true, null));
            }
        }

        return edges;
    }

    /// <summary>A neutral description, in English and Khmer, naming the relationship and not the persons.</summary>
    private static Kinship Describe(KinshipKind kind, KinshipKind path, int degree, int up, int down, bool half)
    {
        var (en, km) = (path, up, down) switch
        {
            (KinshipKind.Lineal, 1, _) or (KinshipKind.Lineal, _, 1) => ("parent and child", "ឪពុកឬម្ដាយ និងកូន"),
            (KinshipKind.Lineal, 2, _) or (KinshipKind.Lineal, _, 2) => ("grandparent and grandchild", "ជីដូនឬជីតា និងចៅ"),
            (KinshipKind.Lineal, _, _) => ("lineal ancestor and descendant", "ញាតិតាមខ្សែត្រង់"),
            (KinshipKind.Collateral, 1, 1) => half ? ("half-siblings", "បងប្អូនមួយឪពុកឬមួយម្ដាយ") : ("siblings", "បងប្អូនបង្កើត"),
            (KinshipKind.Collateral, 1, 2) or (KinshipKind.Collateral, 2, 1) => ("uncle or aunt and nephew or niece", "ពូ មា មីង ឬអ៊ំ និងក្មួយ"),
            (KinshipKind.Collateral, 2, 2) => ("first cousins", "បងប្អូនជីដូនមួយ"),
            (KinshipKind.Collateral, _, _) => ("collateral relatives", "ញាតិតាមខ្សែទទឹង"),
            (KinshipKind.LinealByAffinity, 1, 0) => ("a spouse's or former spouse's parent", "ឪពុកក្មេកឬម្ដាយក្មេក"),
            (KinshipKind.LinealByAffinity, 0, 1) => ("a spouse's or former spouse's child", "កូនរបស់ប្ដីឬប្រពន្ធ"),
            _ => ("lineal relatives of a spouse or former spouse", "ញាតិតាមខ្សែត្រង់របស់ប្ដីឬប្រពន្ធ"),
        };
        if (kind == KinshipKind.Adoptive)
        {
            (en, km) = path == KinshipKind.Lineal && degree == 1
                ? ("adoptive parent and adopted child", "ឪពុកឬម្ដាយចិញ្ចឹម និងកូនចិញ្ចឹម")
                : ($"{en} through an adoption", $"{km} តាមការសុំកូនចិញ្ចឹម");
        }

        var affinity = path == KinshipKind.LinealByAffinity;
        var ordinal = Ordinal(degree);
        return new Kinship(kind, degree, affinity ? $"{en} ({ordinal} degree by affinity)" : $"{en} ({ordinal} degree)")
        {
            DescriptionKm = $"{km} (ថ្នាក់ទី {KhmerNumerals.ToKhmer(degree)})",
        };
    }

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };
}
