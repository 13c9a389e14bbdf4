using Microsoft.AspNetCore.Identity;

namespace Nokor.Platform.Staff;

/// <summary>A staff or system account. Every account belongs to exactly one office.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public Guid OfficeId { get; set; }
    public Office? Office { get; set; }
    public bool IsSystem { get; set; }
}

public sealed class StaffRole : IdentityRole<Guid>
{
}
