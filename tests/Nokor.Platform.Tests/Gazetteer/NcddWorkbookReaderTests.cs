using System.Text;
using Nokor.Platform.Gazetteer;

namespace Nokor.Platform.Tests.Gazetteer;

public sealed class NcddWorkbookReaderTests
{
    private readonly NcddWorkbook _workbook = GazetteerWorkbook.Read();

    private GazetteerUnit Unit(string code) => Assert.Single(_workbook.Units, u => u.Code == code);

    [Fact]
    public void Reads_the_totals_of_the_2024_edition()
    {
        var counts = _workbook.Units.GroupBy(u => u.Level).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(25, counts[AdminLevel.Province]);
        Assert.Equal(210, counts[AdminLevel.District]);
        Assert.Equal(1652, counts[AdminLevel.Commune]);
        Assert.Equal(14570, counts[AdminLevel.Village]);
        Assert.Equal(16457, _workbook.Units.Count);
    }

    [Fact]
    public void Reports_the_one_village_without_a_Latin_name_and_nothing_else()
    {
        var issue = Assert.Single(_workbook.Issues);

        Assert.Equal("2. Battambang", issue.Sheet);
        Assert.Equal(54, issue.Row);
        Assert.Contains("02010508", issue.Message, StringComparison.Ordinal);
        var village = Unit("02010508");
        Assert.Equal("ប៉ៃឡាំ", village.NameKm);
        Assert.Equal("", village.NameLatin);
    }

    [Fact]
    public void Codes_are_unique_padded_and_nested_in_existing_parents()
    {
        var codes = _workbook.Units.Select(u => u.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());

        var byCode = _workbook.Units.ToDictionary(u => u.Code);
        foreach (var unit in _workbook.Units)
        {
            Assert.Equal(unit.Level.CodeLength(), unit.Code.Length);
            Assert.True(unit.Code.All(char.IsAsciiDigit), unit.Code);
            if (unit.Level == AdminLevel.Province)
            {
                Assert.Null(unit.ParentCode);
                continue;
            }

            Assert.Equal(unit.Code[..^2], unit.ParentCode);
            Assert.True(byCode.TryGetValue(unit.ParentCode!, out var parent), $"{unit.Code} has no parent");
            Assert.Equal((int)unit.Level - 1, (int)parent.Level);
        }
    }

    [Fact]
    public void Names_are_clean_NFC_with_type_words()
    {
        foreach (var unit in _workbook.Units)
        {
            Assert.False(string.IsNullOrWhiteSpace(unit.NameKm), unit.Code);
            Assert.True(unit.NameKm.IsNormalized(NormalizationForm.FormC), unit.Code);
            Assert.Equal(unit.NameKm.Trim(), unit.NameKm);
            Assert.DoesNotContain("  ", unit.NameKm + unit.NameLatin, StringComparison.Ordinal);
            Assert.DoesNotContain('\u200B', unit.NameKm + unit.NameLatin);
            Assert.NotNull(unit.TypeKm);
            Assert.NotNull(unit.TypeLatin);
        }

        Assert.Equal(1, _workbook.Units.Count(u => u.NameLatin.Length == 0));
    }

    [Fact]
    public void Phnom_Penh_is_province_12_the_capital()
    {
        var phnomPenh = Unit("12");

        Assert.Equal(AdminLevel.Province, phnomPenh.Level);
        Assert.Equal("Phnom Penh", phnomPenh.NameLatin);
        Assert.Equal("រាជធានីភ្នំពេញ", phnomPenh.TypeKm + phnomPenh.NameKm);
        Assert.Equal("Capital", phnomPenh.TypeLatin);
        Assert.Equal(14, _workbook.Units.Count(u => u.ParentCode == "12"));
        Assert.All(_workbook.Units.Where(u => u.ParentCode == "12"), khan => Assert.Equal("Khan", khan.TypeLatin));
    }

    [Fact]
    public void Spot_checks_of_districts_communes_and_villages()
    {
        var chamkarMon = Unit("1201");
        Assert.Equal(("ចំការមន", "Chamkar Mon", "ខណ្ឌ"), (chamkarMon.NameKm, chamkarMon.NameLatin, chamkarMon.TypeKm));

        var tonleBasak = Unit("120101");
        Assert.Equal(AdminLevel.Commune, tonleBasak.Level);
        Assert.Equal("1201", tonleBasak.ParentCode);
        Assert.Equal(("ទន្លេបាសាក់", "Tonle Basak", "Sangkat"), (tonleBasak.NameKm, tonleBasak.NameLatin, tonleBasak.TypeLatin));

        // The sheet writes "102" and "10201": the leading zero of province 01 is restored.
        var mongkolBorei = Unit("0102");
        Assert.Equal(("មង្គលបូរី", "Mongkol Borei", "Srok"), (mongkolBorei.NameKm, mongkolBorei.NameLatin, mongkolBorei.TypeLatin));
        var banteayNeang = Unit("010201");
        Assert.Equal(("បន្ទាយនាង", "Banteay Neang", "ឃុំ"), (banteayNeang.NameKm, banteayNeang.NameLatin, banteayNeang.TypeKm));
        var ouThum = Unit("01020101");
        Assert.Equal(("អូរធំ", "Ou Thum", AdminLevel.Village, "010201"), (ouThum.NameKm, ouThum.NameLatin, ouThum.Level, ouThum.ParentCode));

        Assert.Equal("Siem Reap", Unit("17").NameLatin);
        Assert.Equal("សៀមរាប", Unit("17").NameKm);
        Assert.Equal("Kep", Unit("23").NameLatin);
    }

    [Fact]
    public void Doubled_spaces_and_zero_width_spaces_are_cleaned()
    {
        Assert.Equal("Sa ang", Unit("04060803").NameLatin);
        Assert.Equal("ទី៦ «ក»", Unit("03050407").NameKm);
    }
}
