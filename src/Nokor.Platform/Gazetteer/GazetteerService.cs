using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;

namespace Nokor.Platform.Gazetteer;

/// <summary>
/// Look-ups in the NCDD gazetteer for every module: a unit by code, the children of a unit, the
/// path from province down to a unit, name search, and the validation of place codes. Reads an
/// in-memory copy of the whole table (about 16,500 units), loaded once per process.
/// </summary>
public sealed class GazetteerService(GazetteerCache cache)
{
    public async ValueTask<GazetteerUnit?> GetAsync(string code, CancellationToken ct = default) =>
        (await cache.GetAsync(ct)).Get(code);

    /// <summary>The units directly under <paramref name="parentCode"/>, by code; the provinces when it is null.</summary>
    public async ValueTask<IReadOnlyList<GazetteerUnit>> ChildrenAsync(string? parentCode, CancellationToken ct = default) =>
        (await cache.GetAsync(ct)).Children(parentCode);

    /// <summary>The units from the province down to <paramref name="code"/> itself; empty when the code is unknown.</summary>
    public async ValueTask<IReadOnlyList<GazetteerUnit>> PathAsync(string code, CancellationToken ct = default) =>
        (await cache.GetAsync(ct)).Path(code);

    /// <summary>"Phum 1, Tonle Basak, Chamkar Mon, Phnom Penh" (or the Khmer form with type words); null when unknown.</summary>
    public async ValueTask<string?> DescribeAsync(string code, bool khmer, CancellationToken ct = default)
    {
        var path = await PathAsync(code, ct);
        return path.Count == 0 ? null : FormatPath(path, khmer);
    }

    /// <summary>
    /// Units whose Khmer or Latin name contains <paramref name="text"/> (Latin case-insensitive and
    /// ignoring spaces and punctuation), best matches first: exact, then prefix, then anywhere.
    /// </summary>
    public async ValueTask<IReadOnlyList<GazetteerUnit>> SearchAsync(
        string text, AdminLevel? level = null, int limit = 20, CancellationToken ct = default) =>
        (await cache.GetAsync(ct)).Search(text, level, limit);

    /// <summary>Whether <paramref name="code"/> is a unit of the gazetteer, at one of <paramref name="levels"/> if any are given.</summary>
    public async ValueTask<bool> ExistsAsync(string? code, params AdminLevel[] levels)
    {
        if (code is null)
        {
            return false;
        }

        var unit = (await cache.GetAsync(default)).Get(code);
        return unit is not null && (levels.Length == 0 || levels.Contains(unit.Level));
    }

    /// <summary>Forgets the cached copy so the next look-up reads the table again (after an import).</summary>
    public void Reload() => cache.Invalidate();

    public static string FormatPath(IReadOnlyList<GazetteerUnit> path, bool khmer)
    {
        if (!khmer)
        {
            return string.Join(", ", path.Reverse().Select(u => u.NameLatin.Length > 0 ? u.NameLatin : u.NameKm));
        }

        return string.Join(" ", path.Reverse().Select(u =>
            u.TypeKm is null || u.NameKm.StartsWith(u.TypeKm, StringComparison.Ordinal) ? u.NameKm : u.TypeKm + u.NameKm));
    }

    public static bool IsWellFormedCode(string? code) =>
        code is { Length: 2 or 4 or 6 or 8 } && code.All(char.IsAsciiDigit);
}

/// <summary>The process-wide, lazily loaded copy of the gazetteer table behind <see cref="GazetteerService"/>.</summary>
public sealed class GazetteerCache(IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile GazetteerSnapshot? _snapshot;

    internal async ValueTask<GazetteerSnapshot> GetAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is not null)
        {
            return snapshot;
        }

        await _lock.WaitAsync(ct);
        try
        {
            if (_snapshot is { } loaded)
            {
                return loaded;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var units = await db.GazetteerUnits.AsNoTracking().ToListAsync(ct);
            snapshot = new GazetteerSnapshot(units);

            // An empty table is not cached: the gazetteer is usually loaded just after startup.
            if (units.Count > 0)
            {
                _snapshot = snapshot;
            }

            return snapshot;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Invalidate() => _snapshot = null;
}

internal sealed class GazetteerSnapshot
{
    private readonly Dictionary<string, GazetteerUnit> _byCode;
    private readonly Dictionary<string, GazetteerUnit[]> _children;
    private readonly (GazetteerUnit Unit, string TypedKm, string Latin, string Compact)[] _searchable;

    public GazetteerSnapshot(IEnumerable<GazetteerUnit> units)
    {
        var ordered = units.OrderBy(u => u.Code, StringComparer.Ordinal).ToArray();
        _byCode = ordered.ToDictionary(u => u.Code, StringComparer.Ordinal);
        _children = ordered
            .GroupBy(u => u.ParentCode ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _searchable = ordered
            .Select(u => (u, (u.TypeKm ?? "") + u.NameKm, u.NameLatin.ToLowerInvariant(), GazetteerText.Compact(u.NameLatin)))
            .ToArray();
    }

    public int Count => _byCode.Count;

    public GazetteerUnit? Get(string code) => _byCode.GetValueOrDefault(code);

    public IReadOnlyList<GazetteerUnit> Children(string? parentCode) =>
        _children.TryGetValue(parentCode ?? "", out var children) ? children : [];

    public IReadOnlyList<GazetteerUnit> Path(string code)
    {
        var path = new List<GazetteerUnit>(4);
        for (var unit = Get(code); unit is not null; unit = unit.ParentCode is null ? null : Get(unit.ParentCode))
        {
            path.Add(unit);
        }

        path.Reverse();
        return path;
    }

    public IReadOnlyList<GazetteerUnit> Search(string text, AdminLevel? level, int limit)
    {
        var query = GazetteerText.Clean(text);
        if (query.Length == 0 || limit <= 0)
        {
            return [];
        }

        var lower = query.ToLowerInvariant();
        var compact = GazetteerText.Compact(query);
        var isLatin = query.Any(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z');
        var matches = new List<(int Rank, GazetteerUnit Unit)>();
        var spacelessKm = query.Replace(" ", "", StringComparison.Ordinal);
        foreach (var (unit, typedKm, latin, compactLatin) in _searchable)
        {
            if (level is not null && unit.Level != level)
            {
                continue;
            }

            var rank = Rank(unit.NameKm, query, StringComparison.Ordinal);
            if (rank == int.MaxValue && !isLatin)
            {
                // "ខេត្តកណ្ដាល", "រាជធានីភ្នំពេញ": people type the type word with the name.
                rank = Rank(typedKm, spacelessKm, StringComparison.Ordinal) switch
                {
                    int.MaxValue => int.MaxValue,
                    var r => r + 3,
                };
            }

            if (isLatin)
            {
                rank = Math.Min(rank, Rank(latin, lower, StringComparison.Ordinal));
                if (rank == int.MaxValue && compact.Length > 0)
                {
                    rank = Rank(compactLatin, compact, StringComparison.Ordinal) switch
                    {
                        int.MaxValue => int.MaxValue,
                        var r => r + 3,
                    };
                }
            }

            if (rank != int.MaxValue)
            {
                matches.Add((rank, unit));
            }
        }

        return matches
            .OrderBy(m => m.Rank)
            .ThenBy(m => m.Unit.Level)
            .ThenBy(m => m.Unit.Code, StringComparer.Ordinal)
            .Take(limit)
            .Select(m => m.Unit)
            .ToList();
    }

    private static int Rank(string name, string query, StringComparison comparison)
    {
        if (name.Length == 0)
        {
            return int.MaxValue;
        }

        if (name.Equals(query, comparison))
        {
            return 0;
        }

        if (name.StartsWith(query, comparison))
        {
            return 1;
        }

        return name.Contains(query, comparison) ? 2 : int.MaxValue;
    }
}
