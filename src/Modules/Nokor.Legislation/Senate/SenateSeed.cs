using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Senate;

/// <summary>
/// Creates a legislature with the Senate's structure: the Permanent Committee, ten specialized
/// commissions and 62 seats (58 elected, 2 appointed by the King, 2 elected by the National
/// Assembly). The senators it creates are fictional (demonstration and tests); a real
/// installation registers the senators of the legislature through the API or the CLI.
/// </summary>
internal static class SenateSeed
{
    public const int Commissions = 10;

    private static readonly string[] FamilyKm = ["សុខ", "ជា", "ហេង", "លី", "ម៉ៅ", "ឈឹម", "កែវ", "ពេជ្រ", "សេង", "អ៊ុំ", "ទេព", "យិន", "នួន", "ស៊ិន"];
    private static readonly string[] FamilyLatin = ["Sok", "Chea", "Heng", "Ly", "Mao", "Chhim", "Keo", "Pich", "Seng", "Um", "Tep", "Yin", "Nuon", "Sin"];
    private static readonly string[] GivenKm = ["សុភា", "ដារ៉ា", "វណ្ណា", "សំណាង", "ចាន់ថា", "បុប្ផា", "រតនា", "សុវណ្ណ", "ធីតា", "វិចិត្រ", "សារ៉ាត់", "ពិសិដ្ឋ"];
    private static readonly string[] GivenLatin = ["Sophea", "Dara", "Vanna", "Samnang", "Chantha", "Bopha", "Ratana", "Sovann", "Thida", "Vichet", "Sarat", "Piseth"];

    public static async Task EnsureAsync(LegislationDbContext db, int legislature, DateOnly startsOn, CancellationToken ct)
    {
        if (await db.Legislatures.AnyAsync(l => l.Number == legislature, ct))
        {
            return;
        }

        db.Legislatures.Add(new LegislatureEntity { Number = legislature, StartsOn = startsOn, EndsOn = startsOn.AddYears(6).AddDays(-1) });
        var committee = new BodyEntity
        {
            Id = Guid.NewGuid(), Code = "permanent-committee", Kind = BodyKind.PermanentCommittee, Legislature = legislature,
            NameKm = "គណៈកម្មាធិការអចិន្ត្រៃយ៍ព្រឹទ្ធសភា", NameEn = "Permanent Committee of the Senate",
        };
        db.Bodies.Add(committee);
        var commissions = new List<BodyEntity>();
        for (var n = 1; n <= Commissions; n++)
        {
            var body = new BodyEntity
            {
                Id = Guid.NewGuid(), Code = $"commission-{n}", Kind = BodyKind.Commission, Number = n, Legislature = legislature,
                NameKm = "គណៈកម្មការទី" + KhmerNumerals.ToKhmer(n) + "នៃព្រឹទ្ធសភា", NameEn = $"Commission {n} of the Senate",
            };
            commissions.Add(body);
            db.Bodies.Add(body);
        }

        var seats = SenateRecords.Seats.SelectMany(s => Enumerable.Repeat(s.Key, s.Value)).ToList();
        for (var i = 0; i < seats.Count; i++)
        {
            var senator = new SenatorEntity
            {
                Id = Guid.NewGuid(),
                NameKm = FamilyKm[i % FamilyKm.Length] + " " + GivenKm[(i / FamilyKm.Length + i) % GivenKm.Length],
                NameLatin = FamilyLatin[i % FamilyLatin.Length] + " " + GivenLatin[(i / FamilyKm.Length + i) % GivenLatin.Length],
            };
            db.Senators.Add(senator);
            db.Mandates.Add(new MandateEntity
            {
                Id = Guid.NewGuid(), SenatorId = senator.Id, Legislature = legislature, Seat = seats[i], StartsOn = startsOn,
                Constituency = seats[i] == SeatKind.Elected ? $"Region {i % 8 + 1}" : null,
            });

            // Six senators per commission: chair, vice-chair, secretary and three members; the
            // chairs sit on the Permanent Committee.
            var commission = commissions[i % Commissions];
            var role = (i / Commissions) switch { 0 => MemberRole.Chair, 1 => MemberRole.ViceChair, 2 => MemberRole.Secretary, _ => MemberRole.Member };
            db.BodyMembers.Add(new BodyMemberEntity { Id = Guid.NewGuid(), BodyId = commission.Id, SenatorId = senator.Id, Role = role, StartsOn = startsOn });
            if (role == MemberRole.Chair)
            {
                db.BodyMembers.Add(new BodyMemberEntity { Id = Guid.NewGuid(), BodyId = committee.Id, SenatorId = senator.Id, Role = MemberRole.Member, StartsOn = startsOn });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Links a fictional senator (chair of a commission when <paramref name="chairOf"/> is given) to a staff account.</summary>
    public static async Task<Guid> LinkAccountAsync(LegislationDbContext db, string staffUserId, string? chairOf, CancellationToken ct)
    {
        var query = db.Senators.Where(s => s.StaffUserId == null);
        if (chairOf is not null)
        {
            var body = await db.Bodies.OrderByDescending(b => b.Legislature).FirstAsync(b => b.Code == chairOf, ct);
            var chair = await db.BodyMembers.Where(m => m.BodyId == body.Id && m.Role == MemberRole.Chair).Select(m => m.SenatorId).FirstAsync(ct);
            query = query.Where(s => s.Id == chair);
        }
        else
        {
            var leaders = db.BodyMembers.Where(m => m.Role != MemberRole.Member).Select(m => m.SenatorId);
            query = query.Where(s => !leaders.Contains(s.Id));
        }

        var senator = await query.OrderBy(s => s.NameLatin).FirstAsync(ct);
        senator.StaffUserId = staffUserId;
        await db.SaveChangesAsync(ct);
        return senator.Id;
    }
}
