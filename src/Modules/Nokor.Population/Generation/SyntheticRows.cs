using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Nokor.Platform.Khmer;
using Nokor.Population.Contracts;

namespace Nokor.Population.Generation;

/// <summary>
/// The derived columns of a generated person: search keys (from <see cref="NameKeys"/>, cached per
/// name pair since the names come from short lists) and the version-1 snapshot, written in the
/// shape of <c>PersonRecord</c> as the registry's own snapshots are (camelCase, enums as
/// names), compact: null fields, place names and the derived list of children are left out.
/// </summary>
internal sealed class SyntheticRows
{
    public const string IdCardIssuingSystem = "Khmer ID System";
    public const string ActorKind = "system";
    public const string ActorId = "population-generator";
    public const string Reason = "Synthetic population (generator)";

    private static readonly JsonWriterOptions s_json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        SkipValidation = true,
    };

    private readonly Dictionary<(NameEntry Surname, NameEntry Given), (string Km, string Latin)> _keys = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private Utf8JsonWriter? _writer;

    /// <summary>Fills in the search keys and the snapshot; the KIDCs of the person and the parents must be set.</summary>
    public void Prepare(SyntheticPerson p, DateTimeOffset at)
    {
        if (!_keys.TryGetValue((p.Surname, p.GivenName), out var keys))
        {
            keys = (NameKeys.KhmerKey(p.Surname.Km, p.GivenName.Km), NameKeys.LatinKey(p.Surname.Latin, p.GivenName.Latin));
            _keys[(p.Surname, p.GivenName)] = keys;
        }

        p.NameKmKey = keys.Km;
        p.NameLatinKey = keys.Latin;
        p.Snapshot = Snapshot(p, at);
    }

    /// <summary>One spouse link of a generated couple, as pop_person_spouses holds it.</summary>
    public readonly record struct SpouseRow(
        Guid PersonId, string PersonKidc, string SpouseKidc, DateOnly From, string MarriageReference, DateOnly? Until, string? EndReference);

    /// <summary>
    /// The spouse links of the batch's couples (both KIDCs known): two rows a couple, from the
    /// marriage, ended by the death of a spouse who died. The marital statuses drawn for them
    /// (married; widowed for the survivor) are the ones these links give.
    /// </summary>
    public static IEnumerable<SpouseRow> Spouses(IReadOnlyList<SyntheticPerson> batch)
    {
        foreach (var wife in batch)
        {
            if (wife.Husband is not { } husband || husband.Kidc.Length == 0)
            {
                continue;
            }

            var reference = $"gen:marriage:{husband.Kidc}-{wife.Kidc}";
            var dead = wife.DeathDate is not null ? wife : husband.DeathDate is not null ? husband : null;
            var end = dead is null ? null : $"gen:death:{dead.Kidc}";
            yield return new SpouseRow(husband.Id, husband.Kidc, wife.Kidc, wife.MarriedOn, reference, dead?.DeathDate, end);
            yield return new SpouseRow(wife.Id, wife.Kidc, husband.Kidc, wife.MarriedOn, reference, dead?.DeathDate, end);
        }
    }

    /// <summary>Old records digitised from paper come in as manual corrections; later ones from civil registration.</summary>
    public static ChangeSource Source(SyntheticPerson p) => p.BirthYear < 1980 ? ChangeSource.ManualCorrection : ChangeSource.Crvs;

    public static DateOnly? IdCardValidUntil(SyntheticPerson p) =>
        p.IdCardIssuedOn?.AddYears(HouseholdBuilder.IdCardValidityYears);

    private string Snapshot(SyntheticPerson p, DateTimeOffset at)
    {
        _buffer.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_buffer, s_json);
        }
        else
        {
            _writer.Reset(_buffer);
        }

        var w = _writer;
        w.WriteStartObject();
        w.WriteString("kidc", p.Kidc);
        w.WriteNumber("version", 1);
        w.WriteString("surnameKm", p.Surname.Km);
        w.WriteString("givenNameKm", p.GivenName.Km);
        w.WriteString("surnameLatin", p.Surname.Latin);
        w.WriteString("givenNameLatin", p.GivenName.Latin);
        w.WriteString("sex", p.Sex == Sex.Male ? "Male" : "Female");
        w.WriteString("birthDate", p.BirthDateText);
        w.WriteStartObject("birthPlace");
        WriteNullable(w, "code", p.BirthPlaceCode);
        WriteNullable(w, "country", p.BirthCountry);
        w.WriteEndObject();
        w.WriteString("nationality", p.Nationality);
        w.WriteString("citizenshipStatus", p.CitizenshipStatus.ToString());
        w.WriteString("maritalStatus", p.MaritalStatus.ToString());
        WriteParent(w, "father", p.Father?.Kidc, p.FatherNameKm);
        WriteParent(w, "mother", p.Mother?.Kidc, null);
        w.WriteStartObject("residence");
        w.WriteString("villageCode", p.ResidenceVillageCode);
        WriteNullable(w, "address", p.ResidenceAddress);
        w.WriteEndObject();
        if (p.IdCardNumber is not null)
        {
            w.WriteStartArray("documents");
            w.WriteStartObject();
            w.WriteString("type", nameof(DocumentType.KhmerIdCard));
            w.WriteString("number", p.IdCardNumber);
            w.WriteString("issuingSystem", IdCardIssuingSystem);
            w.WriteString("issuedOn", p.IdCardIssuedOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("validUntil", IdCardValidUntil(p)!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteString("lifeStatus", p.LifeStatus.ToString());
        if (p.DeathDate is { } death)
        {
            w.WriteString("deathDate", death.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        w.WriteString("createdAt", at);
        w.WriteString("updatedAt", at);
        w.WriteEndObject();
        w.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private static void WriteParent(Utf8JsonWriter w, string name, string? kidc, string? nameKm)
    {
        if (kidc is null && nameKm is null)
        {
            return;
        }

        w.WriteStartObject(name);
        WriteNullable(w, "kidc", kidc);
        WriteNullable(w, "nameKm", nameKm);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
