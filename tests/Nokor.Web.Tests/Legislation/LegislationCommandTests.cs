using System.Text.RegularExpressions;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Legislation;

/// <summary>`nokor legislation import|export` against a host's database of its own: a law in, schema-valid AKN out, bad input refused.</summary>
public sealed class LegislationCommandTests(NokorHost host) : IClassFixture<NokorHost>
{
    private const string Act = """
        ច្បាប់ស្ដីពីបណ្ណាល័យជាតិ
        ជំពូកទី១ បទប្បញ្ញត្តិទូទៅ
        មាត្រា ១
        ច្បាប់នេះកំណត់ការរៀបចំបណ្ណាល័យជាតិ។
        មាត្រា ២
        បណ្ណាល័យរក្សាទុកឯកសារជាតិ។
        """;

    [Fact]
    public async Task A_law_is_imported_from_plain_text_exported_as_valid_AKN_and_bad_files_are_refused()
    {
        var source = Path.Combine(host.DataDirectory, "library-law.txt");
        Directory.CreateDirectory(host.DataDirectory);
        await File.WriteAllTextAsync(source, Act);
        var imported = await NokorCli.RunAsync(host, "legislation", "import", source, "--type", "act", "--date", "2024-05-01", "--number", "NS/RKM/0524/012", "--title-en", "Law on the National Library");
        Assert.True(imported.ExitCode == 0, imported.Output);
        var work = Regex.Match(imported.Output, "work=(\\S+)").Groups[1].Value;
        Assert.StartsWith("/akn/kh/act/2024-05-01/", work, StringComparison.Ordinal);

        var xml = Path.Combine(host.DataDirectory, "library-law.xml");
        var exported = await NokorCli.RunAsync(host, "legislation", "export", work, "--out", xml);
        Assert.True(exported.ExitCode == 0, exported.Output);
        Assert.Contains("valid Akoma Ntoso 3.0", exported.Output);
        var text = await File.ReadAllTextAsync(xml);
        Assert.Contains("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", text);
        Assert.Contains("បណ្ណាល័យរក្សាទុកឯកសារជាតិ", text);

        Assert.Equal(1, (await NokorCli.RunAsync(host, "legislation", "export", "/akn/kh/act/1999-01-01/none", "--out", xml)).ExitCode);
        var broken = Path.Combine(host.DataDirectory, "broken.xml");
        await File.WriteAllTextAsync(broken, "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act><body/></act></akomaNtoso>");
        var refused = await NokorCli.RunAsync(host, "legislation", "import", broken, "--type", "act", "--date", "2024-06-01", "--number", "NS/RKM/0624/001");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Equal(2, (await NokorCli.RunAsync(host, "legislation", "import", source, "--type", "decree")).ExitCode);
    }
}
