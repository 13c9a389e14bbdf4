using System.Globalization;
using Nokor.Platform.Errors;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Institutions;

/// <summary>The checks and copying of an institution's details and contract, shared by creating and changing one.</summary>
internal static class InstitutionForms
{
    public const string NotFoundMessage = "No institution with this id.";

    public static void ApplyDetails(InstitutionInput input, InstitutionEntity institution, FieldErrors errors)
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            if (string.IsNullOrEmpty(institution.Name) || input.Name is not null)
            {
                errors.Add("name", "The institution's name is required (at most 200 characters).");
            }
        }
        else
        {
            institution.Name = name;
        }

        if (input.NameKm is not null)
        {
            var km = Nokor.Platform.Khmer.KhmerText.Normalize(input.NameKm.Trim());
            if (km.Length > 200)
            {
                errors.Add("nameKm", "At most 200 characters.");
            }

            institution.NameKm = km.Length == 0 ? null : km;
        }

        if (input.Kind is not null || string.IsNullOrEmpty(institution.Name))
        {
            if (!Enum.TryParse<InstitutionKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
            {
                errors.Add("kind", $"The kind must be one of: {string.Join(", ", Enum.GetNames<InstitutionKind>())}.");
            }
            else
            {
                institution.Kind = kind;
            }
        }

        if (input.XRoadClient is not null)
        {
            var client = input.XRoadClient.Trim();
            if (client.Length > 0 && (client.Length > 300 || client.Split('/').Length is < 3 or > 4 || client.Any(char.IsWhiteSpace)))
            {
                errors.Add("xRoadClient", "An X-Road client id is INSTANCE/CLASS/MEMBER or INSTANCE/CLASS/MEMBER/SUBSYSTEM, for example CAMDX/COM/00001234/KYC.");
            }

            institution.XRoadClient = client.Length == 0 ? null : client;
        }
    }

    public static void ApplyContract(ContractInput input, ContractEntity contract, FieldErrors errors, string prefix)
    {
        var reference = input.Reference?.Trim();
        if (string.IsNullOrEmpty(reference) || reference.Length > 60)
        {
            errors.Add(prefix + "reference", "The contract reference is required (at most 60 characters).");
        }
        else
        {
            contract.Reference = reference;
        }

        var purposes = (input.Purposes ?? []).Select(p => p?.Trim().ToLowerInvariant() ?? "").Distinct().ToList();
        if (purposes.Count == 0)
        {
            errors.Add(prefix + "purposes", "At least one purpose is required: a contract says what the data may be used for.");
        }
        else if (purposes.FirstOrDefault(p => !Purposes.IsWellFormed(p)) is { } bad)
        {
            errors.Add(prefix + "purposes", $"'{bad}' is not a purpose code (lower-case words joined by '-', such as account-opening).");
        }
        else if (string.Join(',', purposes).Length > 600)
        {
            errors.Add(prefix + "purposes", "Too many purposes.");
        }
        else
        {
            contract.Purposes = string.Join(',', purposes);
        }

        var types = (input.QueryTypes ?? []).Select(t => t?.Trim().ToLowerInvariant() ?? "").Distinct().ToList();
        if (types.Count == 0 || types.FirstOrDefault(t => !QueryTypes.All.Contains(t)) is { } badType)
        {
            errors.Add(prefix + "queryTypes", $"Give one or more of: {string.Join(", ", QueryTypes.All)}.");
        }
        else
        {
            contract.QueryTypes = string.Join(',', QueryTypes.All.Where(types.Contains));
        }

        var attributes = (input.Attributes ?? []).Select(a => a?.Trim() ?? "").Distinct().ToList();
        if (attributes.FirstOrDefault(a => !PersonAttributes.Releasable.Contains(a)) is { } badAttribute)
        {
            errors.Add(prefix + "attributes", $"'{badAttribute}' is not an attribute; the attributes are: {string.Join(", ", PersonAttributes.Releasable)}.");
        }
        else if (attributes.Count > 0 && !types.Contains(QueryTypes.Attributes))
        {
            errors.Add(prefix + "attributes", "Attributes are released only by the 'attributes' query type, which the contract does not allow.");
        }
        else if (attributes.Count == 0 && types.Contains(QueryTypes.Attributes))
        {
            errors.Add(prefix + "attributes", "The 'attributes' query type needs the list of attributes the contract allows.");
        }
        else
        {
            contract.Attributes = string.Join(',', PersonAttributes.Releasable.Where(attributes.Contains));
        }

        if (input.MonthlyQuota is not { } quota || quota is < 1 or > 1_000_000_000)
        {
            errors.Add(prefix + "monthlyQuota", "A monthly quota from 1 to 1,000,000,000 queries is required.");
        }
        else
        {
            contract.MonthlyQuota = quota;
        }

        contract.PriceVerify = Price(input.PriceVerify, prefix + "priceVerify", errors);
        contract.PriceAttributes = Price(input.PriceAttributes, prefix + "priceAttributes", errors);
        contract.PriceBulkRow = Price(input.PriceBulkRow, prefix + "priceBulkRow", errors);

        var starts = Date(input.StartsOn, prefix + "startsOn", errors);
        var ends = Date(input.EndsOn, prefix + "endsOn", errors);
        if (starts is { } s && ends is { } e)
        {
            if (e < s)
            {
                errors.Add(prefix + "endsOn", "The contract cannot end before it starts.");
            }
            else
            {
                contract.StartsOn = s;
                contract.EndsOn = e;
            }
        }
    }

    /// <summary>The contract as the audit entry records it, before and after a change.</summary>
    public static object Describe(ContractEntity c) => new
    {
        c.Reference, c.Purposes, c.QueryTypes, c.Attributes, c.MonthlyQuota, c.PriceVerify, c.PriceAttributes, c.PriceBulkRow,
        StartsOn = c.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EndsOn = c.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static long Price(long? value, string field, FieldErrors errors)
    {
        if (value is not { } price || price is < 0 or > 100_000_000)
        {
            errors.Add(field, "A price in riel from 0 to 100,000,000 is required.");
            return 0;
        }

        return price;
    }

    private static DateOnly? Date(string? text, string field, FieldErrors errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "A date as yyyy-MM-dd is required.");
        return null;
    }
}

/// <summary>Institutions and credentials as the staff API and pages show them.</summary>
internal static class InstitutionViews
{
    public static InstitutionView ToView(InstitutionEntity i, IEnumerable<CredentialEntity> credentials, long used, DateTimeOffset now)
    {
        var c = i.Contract;
        return new InstitutionView(
            i.Id, i.Code, i.Name, i.NameKm, i.Kind, i.XRoadClient, i.Status, i.Revision,
            c is null ? null : new ContractView(
                c.Reference, Credentials.ClientContract.List(c.Purposes), Credentials.ClientContract.List(c.QueryTypes), Credentials.ClientContract.List(c.Attributes),
                c.MonthlyQuota, c.PriceVerify, c.PriceAttributes, c.PriceBulkRow, c.StartsOn, c.EndsOn),
            credentials.OrderByDescending(x => x.CreatedAt).Select(x => ToView(x, now)).ToList(),
            used);
    }

    public static CredentialView ToView(CredentialEntity c, DateTimeOffset now) =>
        new(c.Id, c.ClientId, c.CreatedAt, c.CreatedBy, c.ExpiresAt, c.RevokedAt, c.RevokedAt is null && (c.ExpiresAt is null || c.ExpiresAt > now));
}
