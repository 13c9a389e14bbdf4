using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;

using Nokor.Platform.Dates;

namespace Nokor.CivilRegistration.Notifications;

/// <summary>What the notification use cases share: the view of a stored notification and the list limits.</summary>
internal static class NotificationViews
{
    public const int MaxListed = 500;

    /// <summary>The purpose recorded for reads that state none (the pages, a browser link).</summary>
    public const string DefaultPurpose = "civil registration";

    public static NotificationView View(NotificationEntity n, TimeProvider clock)
    {
        var details = Dossiers.Read<NotificationRequest>(n.Details);
        return new(
            n.Id, n.Event, n.Status, n.CommuneCode, n.EventPlaceCode, n.EventDate.ToString("yyyy-MM-dd"), n.InformantKind,
            details.InformantName, details.FacilityName, n.SourceSystem, n.SourceReference, n.SubjectNameKm, n.SubjectNameLatin,
            n.ReceivedAt, CambodiaTime.Today(clock).DayNumber - CambodiaTime.DateOf(n.ReceivedAt).DayNumber, n.RegistrationId, details);
    }
}
