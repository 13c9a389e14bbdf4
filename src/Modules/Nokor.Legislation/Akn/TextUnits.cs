namespace Nokor.Legislation.Akn;

/// <summary>
/// Walks of the unit tree with an explicit stack instead of recursion, so no text, however deep
/// it was built, can exhaust the call stack of the code that renders, compares or indexes it.
/// </summary>
internal static class TextUnits
{
    /// <summary>
    /// Every unit of <paramref name="units"/> and below in document order, with its depth (1 for
    /// the units of <paramref name="units"/> itself). When <paramref name="descend"/> is given,
    /// the children of a unit for which it answers false are not visited.
    /// </summary>
    public static IEnumerable<(TextUnit Unit, int Depth)> DepthFirst(IReadOnlyList<TextUnit> units, Func<TextUnit, bool>? descend = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        var stack = new Stack<(IReadOnlyList<TextUnit> List, int Index, int Depth)>();
        stack.Push((units, 0, 1));
        while (stack.Count > 0)
        {
            var (list, index, depth) = stack.Pop();
            if (index >= list.Count)
            {
                continue;
            }

            var unit = list[index];
            stack.Push((list, index + 1, depth));
            yield return (unit, depth);
            if (unit.Children.Count > 0 && (descend is null || descend(unit)))
            {
                stack.Push((unit.Children, 0, depth + 1));
            }
        }
    }

    /// <summary>The deepest nesting of units (1 when every unit is at the top level, 0 for none).</summary>
    public static int Depth(IReadOnlyList<TextUnit> units)
    {
        var deepest = 0;
        foreach (var (_, depth) in DepthFirst(units))
        {
            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }

    /// <summary>The first unit (in document order) nested deeper than <paramref name="maxDepth"/>, with its depth, or null.</summary>
    public static (TextUnit Unit, int Depth)? FirstDeeperThan(IReadOnlyList<TextUnit> units, int maxDepth)
    {
        foreach (var (unit, depth) in DepthFirst(units))
        {
            if (depth > maxDepth)
            {
                return (unit, depth);
            }
        }

        return null;
    }
}
