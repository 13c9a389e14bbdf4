using System.Text.Json;
using Nokor.Platform.Audit;

namespace Nokor.Platform.Tests.Audit;

public sealed class AuditDetailsTests
{
    [Fact]
    public void A_quote_backslash_or_line_break_in_a_value_stays_inside_its_string()
    {
        var details = AuditDetails.Of(new { reason = "said \"no\"\\ then\nleft", source = "Crvs" });

        using var parsed = JsonDocument.Parse(details);
        Assert.Equal("said \"no\"\\ then\nleft", parsed.RootElement.GetProperty("reason").GetString());
        Assert.Equal("Crvs", parsed.RootElement.GetProperty("source").GetString());
        Assert.Equal(2, parsed.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void Khmer_is_kept_readable_and_names_are_camel_case()
    {
        var details = AuditDetails.Of(new { SurnameKm = "សុខ" });

        Assert.Equal("{\"surnameKm\":\"សុខ\"}", details);
    }
}
