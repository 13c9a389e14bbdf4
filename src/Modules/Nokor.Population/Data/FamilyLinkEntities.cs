using Nokor.Population.Contracts;

namespace Nokor.Population.Data;

/// <summary>
/// One side of a registered marriage: the person (by KIDC) and their spouse (by KIDC, or by the
/// name, nationality and passport of a foreign spouse without one). A marriage of two persons in
/// the registry has two rows, one for each. The row stays when the marriage ends or is suspended:
/// it is the person's marital history, and marital status is derived from it.
/// </summary>
internal sealed class PersonSpouseEntity
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string PersonKidc { get; set; }
    public string? SpouseKidc { get; set; }
    /// <summary>For a spouse without a KIDC: name, nationality and passport as the marriage registration gives them.</summary>
    public string? SpouseName { get; set; }
    public DateOnly From { get; set; }
    /// <summary>The reference the marriage was recorded under (<c>crvs:marriage:&lt;id&gt;</c>).</summary>
    public required string MarriageReference { get; set; }
    /// <summary>The person's marital status before this marriage, restored by an annulment or a revert.</summary>
    public MaritalStatus StatusBefore { get; set; }

    /// <summary>A legal separation suspends the marriage without ending it.</summary>
    public DateOnly? SeparatedOn { get; set; }
    public string? SeparationReference { get; set; }

    /// <summary>The end (divorce, annulment, death): the date, how, and the reference that recorded it.</summary>
    public DateOnly? Until { get; set; }
    public MarriageEndKind? EndedBy { get; set; }
    public string? EndReference { get; set; }

    /// <summary>In force: not ended (a separated marriage is still in force: no new marriage before a divorce).</summary>
    public bool InForce => EndedBy is null;
}

/// <summary>How a <see cref="PersonParentEntity"/> links a child to a parent.</summary>
internal enum ParentLinkKind
{
    /// <summary>An adoptive parent of a simple adoption: shown beside the parents, who stay.</summary>
    Adoptive,
    /// <summary>An adoptive parent of a full adoption, who is also the child's father or mother now; marks that link as adoptive.</summary>
    FullAdoptive,
    /// <summary>A parent replaced by a full adoption: not shown in the record, still used by the kinship check.</summary>
    Sealed,
}

/// <summary>The role of a parent link.</summary>
internal enum ParentRole
{
    Father,
    Mother,
}

/// <summary>
/// A parent link beside the record's own <c>FatherKidc</c>/<c>MotherKidc</c>: adoptive parents,
/// and the sealed parents a full adoption replaced. Written by <c>ChangeParents</c> under the
/// adoption's reference, and removed by a revert of that reference.
/// </summary>
internal sealed class PersonParentEntity
{
    public long Id { get; set; }
    public Guid ChildId { get; set; }
    public required string ChildKidc { get; set; }
    public ParentRole Role { get; set; }
    public ParentLinkKind Kind { get; set; }
    public string? ParentKidc { get; set; }
    /// <summary>The parent's name in Khmer when the parent has no KIDC (a sealed parent declared by name).</summary>
    public string? ParentNameKm { get; set; }
    public DateOnly From { get; set; }
    public required string Reference { get; set; }
}
