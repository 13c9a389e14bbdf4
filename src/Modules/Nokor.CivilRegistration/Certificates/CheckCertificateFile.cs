using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Signing;

namespace Nokor.CivilRegistration.Certificates;

/// <summary>
/// The offline check of a certificate file (<c>nokor certificate verify FILE</c> before it asks the
/// register), by <see cref="CertificateFileCheck"/>, answered as the door's report.
/// </summary>
internal static class CheckCertificateFile
{
    public static CertificateFileReport Handle(byte[] file, PublicKeySet keys)
    {
        var r = CertificateFileCheck.Check(file, keys);
        var p = r.Payload;
        return new CertificateFileReport(r.Verdict, r.Message,
            p is null ? null : new SignedCertificate(p.Event, p.RegistrationNumber, p.RegistrationVersion, p.Serial, p.Kidc, p.NameKm, p.NameLatin, p.EventDate, p.IssuedAt),
            r.Token, r.KeyId, r.FromImage, r.Field);
    }
}
