using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Legislation;

/// <summary>
/// Issue 14, item 1, over HTTP and the command line: an act nesting 30,000 paragraphs no longer
/// takes the host down; it is refused with a ProblemDetails naming the element, nothing is
/// stored, an act at the limit is stored and served at a bounded size, and the Secretariat sees
/// the search feeder's status.
/// </summary>
public sealed class DeepActTests(NokorHost host) : IClassFixture<NokorHost>
{
    /// <summary>Article 1 holding <paramref name="levels"/> - 1 paragraphs, each inside the previous.</summary>
    internal static string NestedAct(int levels, AknWork work)
    {
        TextUnit? inner = null;
        for (var i = levels - 1; i >= 1; i--)
        {
            inner = new TextUnit(TextUnitKind.Paragraph, $"art_1__para_{i:D5}", "", null, inner is null ? ["The innermost paragraph."] : [], inner is null ? [] : [inner]);
        }

        var article = new TextUnit(TextUnitKind.Article, "art_1", "Article 1", null, [], inner is null ? [] : [inner]);
        return AknWriter.Write(new LegalText(work, "khm", null, "Law on depth", [], [article]));
    }

    private (int Acts, int Texts) Stored()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LegislationDbContext>();
        return (db.Acts.Count(), db.Texts.Count());
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text[..Math.Min(text.Length, 2000)]}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Theory]
    [InlineData(30_000)]
    [InlineData(8_000)]
    public async Task A_deeply_nested_act_is_refused_naming_the_paragraph_and_nothing_is_stored(int levels)
    {
        var clerk = await host.ClientForAsync("clerk.n");
        var before = Stored();
        var xml = NestedAct(levels, new AknWork(AknDocType.Act, new DateOnly(2024, 5, 1), "99"));

        var response = await clerk.PostAsJsonAsync("/api/legislation/acts", new { text = xml, number = $"NS/RKM/0524/{levels}", date = "2024-05-01" });

        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("text").EnumerateArray()).GetString()!;
        Assert.Matches("^line [0-9]+, column [0-9]+: ", message);
        Assert.EndsWith(
            "The <paragraph> at akomaNtoso/act/body/article/paragraph×32 (eId \"art_1__para_00032\") is nested 33 hierarchical levels deep; at most 32 are accepted.",
            message, StringComparison.Ordinal);
        Assert.Equal(before, Stored());
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync($"/akn/kh/act/2024-05-01/ns-rkm-0524-{levels}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task An_act_at_the_depth_limit_is_stored_and_served_without_indentation()
    {
        var clerk = await host.ClientForAsync("clerk.n");
        var xml = NestedAct(AknLimits.DefaultMaxDepth, new AknWork(AknDocType.Act, new DateOnly(2024, 6, 1), "1"));
        var act = await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/acts", new { text = xml, number = "NS/RKM/0624/032", date = "2024-06-01" }), HttpStatusCode.OK);
        var work = act.GetProperty("workUri").GetString()!;

        var served = await host.CreateClient().GetAsync(work);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var body = await served.Content.ReadAsStringAsync();
        Assert.Contains("eId=\"art_1__para_00031\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(body.Split('\n'), line => line.StartsWith(' '));
        Assert.InRange(body.Length, 1, xml.Length + 2_000);
        Assert.True(AknReader.Read(body).Succeeded);
    }

    [Fact]
    public async Task The_search_feeder_status_is_for_the_secretariat_and_readiness_includes_it()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/api/legislation/search/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.ClientForAsync("agent.a")).GetAsync("/api/legislation/search/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.ClientForAsync("senator.n")).GetAsync("/api/legislation/search/status")).StatusCode);

        var clerk = await host.ClientForAsync("clerk.n");
        var status = await JsonAsync(await clerk.GetAsync("/api/legislation/search/status"), HttpStatusCode.OK);
        Assert.Equal(0, status.GetProperty("setAsideCount").GetInt32());
        Assert.Equal(3, status.GetProperty("maxAttempts").GetInt32());
        Assert.Empty(status.GetProperty("failures").EnumerateArray());
        Assert.Contains(status.GetProperty("state").GetString(), new[] { "following", "rebuilding" });

        var unknown = await JsonAsync(await clerk.PostAsync($"/api/legislation/search/failures/{Guid.NewGuid()}/retry", null), HttpStatusCode.NotFound);
        Assert.Equal("No text with this id failed to index.", unknown.GetProperty("detail").GetString());

        var ready = await JsonAsync(await host.CreateClient().GetAsync("/health/ready"), HttpStatusCode.OK);
        var check = Assert.Single(ready.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "legislation-search");
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_import_command_refuses_a_deep_act_in_one_line_with_exit_code_1()
    {
        Directory.CreateDirectory(host.DataDirectory);
        var file = Path.Combine(host.DataDirectory, "deep-act.xml");
        await File.WriteAllTextAsync(file, NestedAct(30_000, new AknWork(AknDocType.Act, new DateOnly(2024, 7, 1), "1")));

        var result = await NokorCli.RunAsync(host, "legislation", "import", file, "--type", "act", "--date", "2024-07-01", "--number", "NS/RKM/0724/001");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Matches("^text: line [0-9]+, column [0-9]+: The <paragraph> at akomaNtoso/act/body/article/paragraph×32 \\(eId \"art_1__para_00032\"\\) is nested 33 hierarchical levels deep; at most 32 are accepted\\.$", line);
    }

    [Fact]
    public async Task A_set_aside_text_is_listed_and_queued_again_from_the_command_line()
    {
        var textId = Guid.NewGuid();
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LegislationDbContext>();
            db.SearchFailures.Add(new SearchFailureEntity
            {
                TextId = textId, ExpressionUri = "/akn/kh/act/2024-08-01/1/khm@", Attempts = 3, Reason = "The stored XML does not read back.",
                FirstFailedAt = DateTimeOffset.UtcNow, LastFailedAt = DateTimeOffset.UtcNow, SetAsideAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var listed = await NokorCli.RunAsync(host, "legislation", "search-failures");
        Assert.True(listed.ExitCode == 0, listed.Output);
        Assert.Contains($"set_aside /akn/kh/act/2024-08-01/1/khm@ text_id={textId:D} attempts=3 reason=The stored XML does not read back.", listed.Output, StringComparison.Ordinal);

        var retried = await NokorCli.RunAsync(host, "legislation", "search-retry", textId.ToString());
        Assert.True(retried.ExitCode == 0, retried.Output);
        Assert.Contains("queued /akn/kh/act/2024-08-01/1/khm@", retried.Output, StringComparison.Ordinal);
        Assert.Equal(1, (await NokorCli.RunAsync(host, "legislation", "search-retry", textId.ToString())).ExitCode);
        Assert.Equal(2, (await NokorCli.RunAsync(host, "legislation", "search-retry", "not-an-id")).ExitCode);
    }

    [Fact]
    public async Task A_stored_text_over_the_size_limit_is_never_sent_in_full()
    {
        // A row from before the limit: the public URI answers a short problem, not the row.
        var clerk = await host.ClientForAsync("clerk.n");
        var act = await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/acts", new
        {
            text = "ច្បាប់ស្ដីពីទំហំ\nមាត្រា ១\nអត្ថបទខ្លី។", number = "NS/RKM/0924/001", date = "2024-09-01",
        }), HttpStatusCode.OK);
        var work = act.GetProperty("workUri").GetString()!;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LegislationDbContext>();
            var oversized = new string(' ', new LegislationOptions().MaxStoredCharacters);
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
                db.Texts.Where(t => t.WorkUri == work), u => u.SetProperty(t => t.Xml, t => t.Xml + oversized));
        }

        var anonymous = host.CreateClient();
        foreach (var url in new[] { work, $"/api/public/legislation/text.html?uri={Uri.EscapeDataString(work)}" })
        {
            var response = await anonymous.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {response.StatusCode}");
            Assert.InRange(body.Length, 1, 2_000);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal("https://nokor.gov.kh/problems/text-unavailable", problem.GetProperty("type").GetString());
            Assert.Contains(work + "/khm@ is held but cannot be served", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
