using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Verification.Credentials;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Institutions;

public sealed record ContractInput(
    string? Reference,
    IReadOnlyList<string>? Purposes,
    IReadOnlyList<string>? QueryTypes,
    IReadOnlyList<string>? Attributes,
    long? MonthlyQuota,
    long? PriceVerify,
    long? PriceAttributes,
    long? PriceBulkRow,
    string? StartsOn,
    string? EndsOn);

public sealed record InstitutionInput(string? Code, string? Name, string? NameKm, string? Kind, string? XRoadClient, ContractInput? Contract);

public sealed record ContractView(
    string Reference,
    IReadOnlyList<string> Purposes,
    IReadOnlyList<string> QueryTypes,
    IReadOnlyList<string> Attributes,
    long MonthlyQuota,
    long PriceVerify,
    long PriceAttributes,
    long PriceBulkRow,
    DateOnly StartsOn,
    DateOnly EndsOn);

public sealed record CredentialView(Guid Id, string ClientId, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active);

public sealed record InstitutionView(
    Guid Id,
    string Code,
    string Name,
    string? NameKm,
    InstitutionKind Kind,
    string? XRoadClient,
    InstitutionStatus Status,
    int Revision,
    ContractView? Contract,
    IReadOnlyList<CredentialView> Credentials,
    long UsedThisMonth);

/// <summary>A new credential: the secret is shown once and never stored.</summary>
public sealed record IssuedCredential(Guid InstitutionId, Guid CredentialId, string ClientId, string ClientSecret, DateTimeOffset? PreviousExpiresAt);

/// <summary>
/// The data distribution unit manages institutions, contracts and credentials (issue 4). Every
/// change goes to the platform audit log with the before and after of the contract.
/// </summary>
internal sealed class InstitutionService(VerificationDbContext db, IAuditLog audit, ClientDirectory directory, TimeProvider time)
{
    /// <summary>How long a rotated credential keeps working, so the institution can deploy the new secret.</summary>
    public static readonly TimeSpan RotationGrace = TimeSpan.FromHours(24);

    public async Task<IReadOnlyList<InstitutionView>> ListAsync(Actor actor, CancellationToken ct)
    {
        var institutions = await db.Institutions.AsNoTracking().Include(i => i.Contract).OrderBy(i => i.Code).ToListAsync(ct);
        var month = UsageMeter.MonthOf(time.GetUtcNow());
        var usage = await db.Usage.AsNoTracking().Where(u => u.Month == month)
            .GroupBy(u => u.InstitutionId).Select(g => new { g.Key, Count = g.Sum(u => u.Count) }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return institutions.Select(i => ToView(i, [], usage.GetValueOrDefault(i.Id))).ToList();
    }

    public async Task<Outcome<InstitutionView>> GetAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking().Include(i => i.Contract).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return Outcome<InstitutionView>.NotFound("No institution with this id.");
        }

        var credentials = await db.Credentials.AsNoTracking().Where(c => c.InstitutionId == id).ToListAsync(ct);
        var month = UsageMeter.MonthOf(time.GetUtcNow());
        var used = await db.Usage.AsNoTracking().Where(u => u.InstitutionId == id && u.Month == month).SumAsync(u => u.Count, ct);
        return Outcome<InstitutionView>.Ok(ToView(institution, credentials, used));
    }

    public async Task<Outcome<InstitutionView>> CreateAsync(InstitutionInput input, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = input.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || code.Length > 32 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add("code", "A code of 1 to 32 letters, digits, '-' or '_' is required.");
        }
        else if (await db.Institutions.AnyAsync(i => i.Code == code, ct))
        {
            errors.Add("code", $"An institution with the code {code} exists already.");
        }

        var institution = new InstitutionEntity { Id = Guid.NewGuid(), Code = code ?? "", Name = "" };
        ApplyDetails(input, institution, errors);
        var contract = new ContractEntity { Id = Guid.NewGuid(), InstitutionId = institution.Id, Reference = "", Purposes = "", QueryTypes = "", Attributes = "" };
        if (input.Contract is null)
        {
            errors.Add("contract", "The contract is required: an institution may query only under a contract.");
        }
        else
        {
            ApplyContract(input.Contract, contract, errors, "contract.");
        }

        if (errors.Any)
        {
            return Outcome<InstitutionView>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        institution.CreatedAt = institution.UpdatedAt = contract.UpdatedAt = now;
        institution.Status = InstitutionStatus.Active;
        institution.Revision = 1;
        institution.Contract = contract;
        await audit.AppendAsync(new AuditEvent(actor, "verification.institution.create", "institution", institution.Id.ToString("D"),
            "data distribution contract", JsonSerializer.Serialize(new { institution.Code, contract = Describe(contract) })), ct);
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return Outcome<InstitutionView>.Ok(ToView(institution, [], 0));
    }

    public async Task<Outcome<InstitutionView>> UpdateAsync(Guid id, InstitutionInput input, int? expectedRevision, Actor actor, CancellationToken ct)
    {
        var institution = await db.Institutions.Include(i => i.Contract).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (institution?.Contract is null)
        {
            return Outcome<InstitutionView>.NotFound("No institution with this id.");
        }

        if (expectedRevision is { } expected && expected != institution.Revision)
        {
            return Outcome<InstitutionView>.Conflict($"The institution is at revision {institution.Revision}, not {expected}: read it again.");
        }

        var before = Describe(institution.Contract);
        var errors = new FieldErrors();
        ApplyDetails(input, institution, errors);
        if (input.Contract is not null)
        {
            ApplyContract(input.Contract, institution.Contract, errors, "contract.");
        }

        if (errors.Any)
        {
            return Outcome<InstitutionView>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        institution.UpdatedAt = institution.Contract.UpdatedAt = now;
        institution.Revision++;
        await audit.AppendAsync(new AuditEvent(actor, "verification.institution.update", "institution", institution.Id.ToString("D"),
            "data distribution contract", JsonSerializer.Serialize(new { before, after = Describe(institution.Contract), institution.Name, institution.XRoadClient })), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<InstitutionView>.Conflict("Someone else changed the institution at the same time: read it again.");
        }

        directory.Invalidate();
        return await GetAsync(id, actor, ct);
    }

    public async Task<Outcome<InstitutionView>> SetStatusAsync(Guid id, InstitutionStatus status, string? reason, Actor actor, CancellationToken ct)
    {
        var institution = await db.Institutions.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return Outcome<InstitutionView>.NotFound("No institution with this id.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            return Outcome<InstitutionView>.Invalid("reason", "Say why, in at most 500 characters.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "verification.institution.status", "institution", id.ToString("D"),
            reason.Trim(), JsonSerializer.Serialize(new { from = institution.Status.ToString(), to = status.ToString() })), ct);
        institution.Status = status;
        institution.Revision++;
        institution.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return await GetAsync(id, actor, ct);
    }

    /// <summary>Issues a new credential. With <paramref name="rotate"/>, the institution's other active credentials expire after <see cref="RotationGrace"/>.</summary>
    public async Task<Outcome<IssuedCredential>> IssueCredentialAsync(Guid institutionId, bool rotate, Actor actor, CancellationToken ct)
    {
        if (!await db.Institutions.AnyAsync(i => i.Id == institutionId, ct))
        {
            return Outcome<IssuedCredential>.NotFound("No institution with this id.");
        }

        var now = time.GetUtcNow();
        DateTimeOffset? previousExpiry = null;
        if (rotate)
        {
            previousExpiry = now + RotationGrace;
            var active = await db.Credentials.Where(c => c.InstitutionId == institutionId && c.RevokedAt == null).ToListAsync(ct);
            foreach (var old in active.Where(c => c.ExpiresAt is null || c.ExpiresAt > previousExpiry))
            {
                old.ExpiresAt = previousExpiry;
            }
        }

        var secret = ClientTokens.NewSecret();
        var credential = new CredentialEntity
        {
            Id = Guid.NewGuid(),
            InstitutionId = institutionId,
            ClientId = ClientTokens.NewClientId(),
            SecretHash = ClientTokens.HashSecret(secret),
            CreatedAt = now,
            CreatedBy = actor.Id,
        };
        await audit.AppendAsync(new AuditEvent(actor, rotate ? "verification.credential.rotate" : "verification.credential.issue", "institution",
            institutionId.ToString("D"), "data distribution credentials", JsonSerializer.Serialize(new { credential.ClientId })), ct);
        db.Credentials.Add(credential);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return Outcome<IssuedCredential>.Ok(new IssuedCredential(institutionId, credential.Id, credential.ClientId, secret, previousExpiry));
    }

    public async Task<Outcome<CredentialView>> RevokeCredentialAsync(Guid institutionId, Guid credentialId, string? reason, Actor actor, CancellationToken ct)
    {
        var credential = await db.Credentials.FirstOrDefaultAsync(c => c.Id == credentialId && c.InstitutionId == institutionId, ct);
        if (credential is null)
        {
            return Outcome<CredentialView>.NotFound("No such credential for this institution.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            return Outcome<CredentialView>.Invalid("reason", "Say why, in at most 500 characters.");
        }

        if (credential.RevokedAt is not null)
        {
            return Outcome<CredentialView>.Conflict("The credential is revoked already.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "verification.credential.revoke", "institution", institutionId.ToString("D"),
            reason.Trim(), JsonSerializer.Serialize(new { credential.ClientId })), ct);
        credential.RevokedAt = time.GetUtcNow();
        credential.RevokedBy = actor.Id;
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return Outcome<CredentialView>.Ok(ToView(credential, time.GetUtcNow()));
    }

    private static void ApplyDetails(InstitutionInput input, InstitutionEntity institution, FieldErrors errors)
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

    internal static void ApplyContract(ContractInput input, ContractEntity contract, FieldErrors errors, string prefix)
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

    private static object Describe(ContractEntity c) => new
    {
        c.Reference, c.Purposes, c.QueryTypes, c.Attributes, c.MonthlyQuota, c.PriceVerify, c.PriceAttributes, c.PriceBulkRow,
        StartsOn = c.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EndsOn = c.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private InstitutionView ToView(InstitutionEntity i, IEnumerable<CredentialEntity> credentials, long used)
    {
        var now = time.GetUtcNow();
        var c = i.Contract;
        return new InstitutionView(
            i.Id, i.Code, i.Name, i.NameKm, i.Kind, i.XRoadClient, i.Status, i.Revision,
            c is null ? null : new ContractView(
                c.Reference, ClientContract.List(c.Purposes), ClientContract.List(c.QueryTypes), ClientContract.List(c.Attributes),
                c.MonthlyQuota, c.PriceVerify, c.PriceAttributes, c.PriceBulkRow, c.StartsOn, c.EndsOn),
            credentials.OrderByDescending(x => x.CreatedAt).Select(x => ToView(x, now)).ToList(),
            used);
    }

    private static CredentialView ToView(CredentialEntity c, DateTimeOffset now) =>
        new(c.Id, c.ClientId, c.CreatedAt, c.CreatedBy, c.ExpiresAt, c.RevokedAt, c.RevokedAt is null && (c.ExpiresAt is null || c.ExpiresAt > now));
}
