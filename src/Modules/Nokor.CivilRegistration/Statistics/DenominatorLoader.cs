using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Spreadsheets;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// Loads the denominators of rates and completeness from CSV (UTF-8, comma-separated, a header
/// line): population estimates <c>year,area,sex,age_from,age_to,population</c> (area empty for the
/// nation; sex Male or Female; age_to 150 for an open band), or expected crude rates per 1,000
/// <c>year,area,crude_birth_rate,crude_death_rate</c>, optionally followed by
/// <c>crude_marriage_rate,crude_divorce_rate</c> (the denominators of the completeness of marriage
/// and divorce registration; a cell may be empty when no estimate exists). A file replaces what was loaded before for
/// each year and area it names. Fields may be quoted (RFC 4180, read by the platform's
/// <see cref="CsvRecordReader"/>). Any bad line refuses the whole file, naming the line and column.
/// </summary>
internal sealed class DenominatorLoader(CivilDbContext db, GazetteerService gazetteer)
{
    public const int MaxLines = 200_000;

    /// <summary>
    /// The reader's limits: the header and <see cref="MaxLines"/> data lines (the reader stops at the
    /// next one and says the file has more), fields of a code or a number, lines of a few dozen characters.
    /// </summary>
    private static readonly CsvReadLimits Limits = new() { MaxRecords = MaxLines + 1, MaxFieldLength = 256, MaxRecordBytes = 4_096, SkipBlankLines = false };

    public async Task<Outcome<DenominatorsLoaded>> LoadAsync(string csv, CancellationToken ct)
    {
        // The platform's CSV reader (CsvHelper): quoted fields may hold commas; blank lines in the
        // middle are records of one empty field (refused below), blank lines at the end are dropped.
        var read = CsvRecordReader.Read(csv.TrimStart('\uFEFF'), Limits);
        if (read.Error is { } bad)
        {
            return Outcome<DenominatorsLoaded>.Invalid($"file.line {bad.Line}", bad.Message);
        }

        var lines = read.Records;
        if (read.Truncated || lines.Count > MaxLines + 1)
        {
            return Outcome<DenominatorsLoaded>.Invalid("file", $"The file has more than {MaxLines:N0} data lines.");
        }

        if (lines.Count < 2)
        {
            return Outcome<DenominatorsLoaded>.Invalid("file", "The file needs a header line and at least one data line.");
        }

        var header = lines[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var population = header.SequenceEqual(["year", "area", "sex", "age_from", "age_to", "population"]);
        var rates = header.SequenceEqual(["year", "area", "crude_birth_rate", "crude_death_rate"]);
        var familyRates = header.SequenceEqual(["year", "area", "crude_birth_rate", "crude_death_rate", "crude_marriage_rate", "crude_divorce_rate"]);
        rates |= familyRates;
        if (!population && !rates)
        {
            return Outcome<DenominatorsLoaded>.Invalid("file.header",
                "The header is year,area,sex,age_from,age_to,population (population estimates) or year,area,crude_birth_rate,crude_death_rate " +
                "with optionally crude_marriage_rate,crude_divorce_rate (expected rates).");
        }

        var errors = new FieldErrors();
        var estimates = new List<PopulationEstimateEntity>();
        var expected = new List<ExpectedRateEntity>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 1; n < lines.Count && errors.ToDictionary().Count < 20; n++)
        {
            var cells = lines[n].Fields.Select(c => c.Trim()).ToArray();
            var at = $"line {lines[n].Line}";
            if (cells.Length != header.Length)
            {
                errors.Add($"file.{at}", $"Expected {header.Length} columns, found {cells.Length}.");
                continue;
            }

            if (!int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200)
            {
                errors.Add($"file.{at}.year", "The year is a number from 1900 to 2200.");
                continue;
            }

            var area = cells[1];
            if (area.Length > 0 && (area.Length is not (2 or 4 or 6) || !await gazetteer.ExistsAsync(area, AdminLevel.Province, AdminLevel.District, AdminLevel.Commune)))
            {
                errors.Add($"file.{at}.area", $"'{area}' is not a province, district or commune code of the gazetteer (empty for the nation).");
                continue;
            }

            if (population)
            {
                var sex = cells[2];
                if (sex is not ("Male" or "Female"))
                {
                    errors.Add($"file.{at}.sex", "The sex is Male or Female.");
                    continue;
                }

                if (!int.TryParse(cells[3], NumberStyles.None, CultureInfo.InvariantCulture, out var from) ||
                    !int.TryParse(cells[4], NumberStyles.None, CultureInfo.InvariantCulture, out var to) || from > to || to > 150)
                {
                    errors.Add($"file.{at}.age_from", "The ages are whole numbers, age_from not above age_to, age_to at most 150.");
                    continue;
                }

                if (!long.TryParse(cells[5], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 100_000_000)
                {
                    errors.Add($"file.{at}.population", "The population is a whole number not below 0.");
                    continue;
                }

                if (!keys.Add($"{year}/{area}/{sex}/{from}"))
                {
                    errors.Add($"file.{at}", "This year, area, sex and age band is already in the file.");
                    continue;
                }

                estimates.Add(new PopulationEstimateEntity { Year = year, AreaCode = area, Sex = sex, AgeFrom = from, AgeTo = to, Population = count });
            }
            else
            {
                if (!double.TryParse(cells[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cbr) || cbr > 100 ||
                    !double.TryParse(cells[3], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cdr) || cdr > 100)
                {
                    errors.Add($"file.{at}.crude_birth_rate", "The rates are numbers per 1,000 population, from 0 to 100.");
                    continue;
                }

                double? cmr = null, cdvr = null;
                if (familyRates)
                {
                    if (!OptionalRate(cells[4], out cmr))
                    {
                        errors.Add($"file.{at}.crude_marriage_rate", "The marriage rate is a number per 1,000 population, from 0 to 100, or empty.");
                        continue;
                    }

                    if (!OptionalRate(cells[5], out cdvr))
                    {
                        errors.Add($"file.{at}.crude_divorce_rate", "The divorce rate is a number per 1,000 population, from 0 to 100, or empty.");
                        continue;
                    }
                }

                if (!keys.Add($"{year}/{area}"))
                {
                    errors.Add($"file.{at}", "This year and area is already in the file.");
                    continue;
                }

                expected.Add(new ExpectedRateEntity
                {
                    Year = year, AreaCode = area, CrudeBirthRate = cbr, CrudeDeathRate = cdr, CrudeMarriageRate = cmr, CrudeDivorceRate = cdvr,
                });
            }
        }

        if (errors.Any)
        {
            return Outcome<DenominatorsLoaded>.Invalid(errors);
        }

        var scopes = (population ? estimates.Select(e => (e.Year, e.AreaCode)) : expected.Select(e => (e.Year, e.AreaCode))).Distinct().ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var group in scopes.GroupBy(s => s.Year))
        {
            var areas = group.Select(s => s.AreaCode).ToList();
            if (population)
            {
                await db.PopulationEstimates.Where(p => p.Year == group.Key && areas.Contains(p.AreaCode)).ExecuteDeleteAsync(ct);
            }
            else
            {
                await db.ExpectedRates.Where(p => p.Year == group.Key && areas.Contains(p.AreaCode)).ExecuteDeleteAsync(ct);
            }
        }

        db.PopulationEstimates.AddRange(estimates);
        db.ExpectedRates.AddRange(expected);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<DenominatorsLoaded>.Ok(new DenominatorsLoaded(population ? "population" : "rates", estimates.Count + expected.Count,
            scopes.Select(s => s.Year).Distinct().Order().ToList(), scopes.Select(s => s.AreaCode).Distinct().Order(StringComparer.Ordinal).ToList()));
    }

    private static bool OptionalRate(string cell, out double? rate)
    {
        rate = null;
        if (cell.Length == 0)
        {
            return true;
        }

        if (!double.TryParse(cell, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 100)
        {
            return false;
        }

        rate = value;
        return true;
    }
}
