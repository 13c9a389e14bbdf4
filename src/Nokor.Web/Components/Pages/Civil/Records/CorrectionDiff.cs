using System.Text.Json.Nodes;
using Nokor.Web.Localization;

namespace Nokor.Web.Components.Pages.Civil.Records;

/// <summary>What a pending correction changes: the dossier's fields whose values differ, with their labels.</summary>
internal static class CorrectionDiff
{
    public sealed record Change(string Field, string Before, string After);

    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["child.surnameKm"] = "SurnameKm",
        ["child.givenNameKm"] = "GivenNameKm",
        ["child.surnameLatin"] = "SurnameLatin",
        ["child.givenNameLatin"] = "GivenNameLatin",
        ["child.sex"] = "Sex",
        ["child.birthDate"] = "BirthDate",
        ["child.birthPlaceCode"] = "BirthPlace",
        ["deathDate"] = "DeathDate",
        ["deathTime"] = "rec.DeathTime",
        ["cause.manner"] = "rec.Manner",
        ["cause.lineA.condition"] = "rec.CauseLineA",
    };

    public static IReadOnlyList<Change> Changes(string beforeJson, string afterJson)
    {
        var before = Flatten(JsonNode.Parse(beforeJson));
        var after = Flatten(JsonNode.Parse(afterJson));
        return before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal)
            .Select(k => new Change(Label(k), before.GetValueOrDefault(k) ?? "—", after.GetValueOrDefault(k) ?? "—"))
            .ToList();
    }

    private static string Label(string path) => Labels.TryGetValue(path, out var key) ? UiText.T(key) : path;

    private static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(node, "", values);
        return values;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", values);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], $"{path}[{i}]", values);
                }

                break;
            case JsonValue v:
                values[path] = v.ToString();
                break;
        }
    }
}
