using System.Globalization;
using System.Text;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Khmer;
using Nokor.Platform.Pdf;
using SkiaSharp;

namespace Nokor.CivilRegistration.Certificates.Rendering;

/// <summary>
/// Lays out a birth or death certificate on one A4 page: the Kingdom's heading, the issuing
/// office, the title, a table of the registered facts (every label in Khmer first, English
/// second), the QR code carrying the signed token, the registrar's block and the serial. The PDF's
/// Keywords hold the signed token so <c>nokor certificate verify FILE.pdf</c> can check a file
/// without scanning it; the title names the kind and registration number only (no personal data
/// in metadata that file browsers show).
/// </summary>
internal static class CertificatePdf
{
    private static readonly SKColor Navy = new(0x1B, 0x36, 0x5D);
    private static readonly SKColor Ink = new(0x11, 0x11, 0x11);
    private static readonly SKColor Muted = new(0x55, 0x5B, 0x66);
    private static readonly SKColor Rule = new(0xB8, 0xC2, 0xD0);
    private static readonly SKColor Shade = new(0xF2, 0xF5, 0xF9);
    private static readonly SKColor CopyRed = new(0x9B, 0x1C, 0x1C);
    private static readonly SKColor WatermarkRed = new(0xC0, 0x1B, 0x1B, 0x50);

    private static readonly string[] s_khmerMonths =
    [
        "មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ",
    ];

    private static float Mm(float millimetres) => PageCanvas.Mm(millimetres);

    /// <summary>The certificate as a PDF (vector text with the bundled fonts embedded).</summary>
    public static byte[] Render(CertificateContent content) => Build(content).ToPdf();

    /// <summary>The same page as a PNG, for previews and screenshots.</summary>
    public static byte[] RenderPng(CertificateContent content, float dpi = 150) => Build(content).RenderPng(0, dpi);

    private static PdfDocumentBuilder Build(CertificateContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (titleKm, titleEn) = Title(content.Kind);
        var info = new PdfDocumentInfo($"{titleEn[..1]}{titleEn[1..].ToLowerInvariant()} {content.RegistrationNumber}")
        {
            Author = "Kingdom of Cambodia, civil registration",
            Subject = $"{titleKm} / {titleEn[..1]}{titleEn[1..].ToLowerInvariant()}",
            Keywords = content.SignedToken,
            Creator = "Nokor civil registration",
            Created = content.IssuedAt,
        };
        return new PdfDocumentBuilder(info).AddPage(page => Draw(page, content));
    }

    private static void Draw(PageCanvas page, CertificateContent c)
    {
        DrawFrame(page);
        DrawHeading(page, c);
        var y = DrawTitle(page, c);
        var tableBottom = DrawTable(page, Rows(c), y + Mm(6));
        DrawIssueBlock(page, c, Math.Max(tableBottom + Mm(6), Mm(218)));
        DrawFooter(page, c);
        if (c.IsSuperseded)
        {
            DrawWatermark(page);
        }
    }

    private static void DrawFrame(PageCanvas page)
    {
        page.DrawRect(SKRect.Create(Mm(8), Mm(8), page.Width - Mm(16), page.Height - Mm(16)), 1.6f, Navy);
        page.DrawRect(SKRect.Create(Mm(9.6f), Mm(9.6f), page.Width - Mm(19.2f), page.Height - Mm(19.2f)), 0.5f, Navy);
    }

    private static void DrawHeading(PageCanvas page, CertificateContent c)
    {
        var center = page.Width / 2;
        page.DrawText("ព្រះរាជាណាចក្រកម្ពុជា", center, Mm(22), new TextStyle(15, Bold: true) { Color = Navy }, TextAlign.Center);
        page.DrawText("Kingdom of Cambodia", center, Mm(28.5f), new TextStyle(10) { Color = Navy }, TextAlign.Center);
        page.DrawText("ជាតិ សាសនា ព្រះមហាក្សត្រ", center, Mm(35.5f), new TextStyle(12, Bold: true) { Color = Navy }, TextAlign.Center);
        page.DrawText("Nation Religion King", center, Mm(41), new TextStyle(9) { Color = Navy }, TextAlign.Center);
        DrawOrnament(page, center, Mm(44.5f));

        var left = Mm(20);
        var y = Mm(52);
        page.DrawText("ក្រសួងមហាផ្ទៃ", left, y, new TextStyle(10, Bold: true) { Color = Navy });
        page.DrawText("Ministry of Interior", left, y + Mm(4), new TextStyle(8) { Color = Muted });
        // The Latin line goes below however many lines the Khmer name took.
        var officeKm = page.DrawParagraph(c.RegisteringOfficeKm, left, y + Mm(5.5f), Mm(105), new TextStyle(10) { Color = Ink }, Mm(5));
        page.DrawParagraph(c.RegisteringOfficeLatin, left, y + Mm(6.5f) + officeKm, Mm(105), new TextStyle(8) { Color = Muted }, Mm(3.6f));

        var right = page.Width - Mm(20);
        page.DrawText("លេខចុះបញ្ជី / Registration No.", right, y, new TextStyle(9) { Color = Muted }, TextAlign.Right);
        page.DrawText(c.RegistrationNumber, right, y + Mm(5.5f), new TextStyle(13, Bold: true) { Color = Ink }, TextAlign.Right);
        page.DrawText(
            $"កំណែ {KhmerNumerals.ToKhmerDigits(c.RegistrationVersion.ToString(CultureInfo.InvariantCulture))} / Version {c.RegistrationVersion}",
            right, y + Mm(10.5f), new TextStyle(8.5f) { Color = Muted }, TextAlign.Right);
    }

    private static void DrawOrnament(PageCanvas page, float center, float y)
    {
        page.DrawLine(center - Mm(18), y, center - Mm(2.5f), y, 0.8f, Navy);
        page.DrawLine(center + Mm(2.5f), y, center + Mm(18), y, 0.8f, Navy);
        using var diamond = new SKPath();
        diamond.MoveTo(center, y - Mm(1.4f));
        diamond.LineTo(center + Mm(1.4f), y);
        diamond.LineTo(center, y + Mm(1.4f));
        diamond.LineTo(center - Mm(1.4f), y);
        diamond.Close();
        using var paint = new SKPaint { Color = Navy, Style = SKPaintStyle.Fill, IsAntialias = true };
        page.Canvas.DrawPath(diamond, paint);
    }

    /// <summary>Draws the title (and the certified-copy mark); returns the y below it.</summary>
    private static float DrawTitle(PageCanvas page, CertificateContent c)
    {
        var center = page.Width / 2;
        var (km, en) = Title(c.Kind);
        page.DrawText(km, center, Mm(80), new TextStyle(24, Bold: true) { Color = Navy }, TextAlign.Center);
        page.DrawText(en, center, Mm(88), new TextStyle(15, Bold: true) { Color = Navy }, TextAlign.Center);
        var y = Mm(90);
        if (c.IsCertifiedCopy)
        {
            var style = new TextStyle(10, Bold: true) { Color = CopyRed };
            const string mark = "ច្បាប់ចម្លងត្រឹមត្រូវ / Certified copy";
            var width = page.MeasureText(mark, style) + Mm(8);
            var box = SKRect.Create(center - width / 2, Mm(92), width, Mm(8));
            page.DrawRect(box, 1.2f, CopyRed);
            page.DrawText(mark, center, box.Top + Mm(5.6f), style, TextAlign.Center);
            y = box.Bottom;
        }

        return y;
    }

    /// <summary>The certificate's title in Khmer and English; the offline file check looks for the same words.</summary>
    internal static (string Km, string En) Title(CertificateKind kind) => kind switch
    {
        CertificateKind.Birth => ("សំបុត្រកំណើត", "Birth Certificate"),
        CertificateKind.Death => ("សំបុត្រមរណភាព", "Death Certificate"),
        CertificateKind.Marriage => ("សំបុត្រអាពាហ៍ពិពាហ៍", "Marriage Certificate"),
        CertificateKind.Divorce => ("សំបុត្រលែងលះ", "Divorce Certificate"),
        CertificateKind.Annulment => ("លិខិតបញ្ជាក់មោឃភាពអាពាហ៍ពិពាហ៍", "Certificate of Annulment of Marriage"),
        CertificateKind.LegalSeparation => ("លិខិតបញ្ជាក់ការរស់នៅដាច់ពីគ្នា", "Certificate of Legal Separation"),
        CertificateKind.Adoption => ("លិខិតបញ្ជាក់ការសុំកូនចិញ្ចឹម", "Certificate of Adoption"),
        CertificateKind.Recognition => ("លិខិតទទួលស្គាល់កូន", "Certificate of Recognition of a Child"),
        CertificateKind.Legitimization => ("លិខិតបញ្ជាក់ភាពស្របច្បាប់នៃកូន", "Certificate of Legitimization"),
        CertificateKind.FoetalDeath => ("សំបុត្រទារកស្លាប់ពេលកើត", "Certificate of Stillbirth"),
        CertificateKind.NameChange => ("លិខិតបញ្ជាក់ការប្តូរឈ្មោះ", "Certificate of Change of Name"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private sealed record Row(string LabelKm, string LabelEn, string? ValueKm, string? ValueLatin);

    private static List<Row> Rows(CertificateContent c)
    {
        if (c.Kind is not (CertificateKind.Birth or CertificateKind.Death))
        {
            // The event's procedure chose the facts (the spouses, the date and place, the decision).
            var facts = c.Facts.Select(f => new Row(f.LabelKm, f.LabelEn, f.ValueKm, f.ValueLatin)).ToList();
            facts.Add(new("ការិយាល័យចុះបញ្ជី", "Registering office", c.RegisteringOfficeKm, c.RegisteringOfficeLatin));
            facts.Add(new("កាលបរិច្ឆេទចុះបញ្ជី", "Date of registration", KhmerDate(c.RegisteredOn), EnglishDate(c.RegisteredOn)));
            return facts;
        }

        var nameKm = Join(c.SurnameKm, c.GivenNameKm);
        var nameLatin = Join(c.SurnameLatin.ToUpperInvariant(), c.GivenNameLatin);
        var rows = new List<Row> { new("គោត្តនាម និងនាម", "Surname and given name", nameKm, nameLatin) };
        rows.Add(new("ភេទ", "Sex", c.SexKm, c.SexEn));
        var timeKm = c.EventTime is { Length: > 0 } t ? $" ម៉ោង {KhmerNumerals.ToKhmerDigits(t)}" : "";
        var timeEn = c.EventTime is { Length: > 0 } t2 ? $", {t2}" : "";
        if (c.Kind == CertificateKind.Birth)
        {
            rows.Add(new("ថ្ងៃខែឆ្នាំកំណើត", "Date of birth", KhmerDate(c.EventDate) + timeKm, EnglishDate(c.EventDate) + timeEn));
            rows.Add(new("ទីកន្លែងកំណើត", "Place of birth", c.PlaceKm, c.PlaceLatin));
            if (c.BirthTypeKm is not null || c.BirthTypeEn is not null)
            {
                rows.Add(new("ប្រភេទកំណើត", "Type of birth", c.BirthTypeKm, c.BirthTypeEn));
            }

            rows.Add(KidcRow(c.Kidc));
            rows.Add(ParentRow("ម្ដាយ", "Mother", c.MotherNameKm, c.MotherNameLatin, c.MotherKidc));
            rows.Add(ParentRow("ឪពុក", "Father", c.FatherNameKm, c.FatherNameLatin, c.FatherKidc));
        }
        else
        {
            if (c.DateOfBirth is { Length: > 0 })
            {
                rows.Add(new("ថ្ងៃខែឆ្នាំកំណើត", "Date of birth", null, c.DateOfBirth));
            }

            rows.Add(new("ថ្ងៃខែឆ្នាំមរណភាព", "Date of death", KhmerDate(c.EventDate) + timeKm, EnglishDate(c.EventDate) + timeEn));
            rows.Add(new("ទីកន្លែងមរណភាព", "Place of death", c.PlaceKm, c.PlaceLatin));
            if (c.AgeAtDeath is { Length: > 0 })
            {
                rows.Add(new("អាយុនៅពេលមរណភាព", "Age at death", null, c.AgeAtDeath));
            }

            rows.Add(KidcRow(c.Kidc));
        }

        rows.Add(new("ការិយាល័យចុះបញ្ជី", "Registering office", c.RegisteringOfficeKm, c.RegisteringOfficeLatin));
        rows.Add(new("កាលបរិច្ឆេទចុះបញ្ជី", "Date of registration", KhmerDate(c.RegisteredOn), EnglishDate(c.RegisteredOn)));
        return rows;
    }

    private static Row KidcRow(string? kidc) =>
        new("លេខសម្គាល់អត្តសញ្ញាណ", "Khmer Identification Code (KIDC)", null, kidc is { Length: > 0 } ? kidc : "—");

    private static Row ParentRow(string labelKm, string labelEn, string? nameKm, string? nameLatin, string? kidc)
    {
        if (string.IsNullOrWhiteSpace(nameKm) && string.IsNullOrWhiteSpace(nameLatin))
        {
            return new(labelKm, labelEn, "មិនបានកត់ត្រា", "Not recorded");
        }

        var latin = nameLatin ?? "";
        if (kidc is { Length: > 0 })
        {
            latin = latin.Length > 0 ? $"{latin} · KIDC {kidc}" : $"KIDC {kidc}";
        }

        return new(labelKm, labelEn, nameKm, latin);
    }

    /// <summary>Draws the fact table from <paramref name="top"/>; returns its bottom.</summary>
    private static float DrawTable(PageCanvas page, List<Row> rows, float top)
    {
        var left = Mm(20);
        var right = page.Width - Mm(20);
        var split = left + Mm(58);
        var labelWidth = split - left - Mm(6);
        var valueWidth = right - split - Mm(6);
        var labelKm = new TextStyle(9.5f, Bold: true) { Color = Navy };
        var labelEn = new TextStyle(8) { Color = Muted };
        var valueKm = new TextStyle(11) { Color = Ink };
        var valueLatin = new TextStyle(10) { Color = Ink };
        var valueLatinFirst = new TextStyle(11, Bold: true) { Color = Ink };

        var y = top;
        page.DrawLine(left, y, right, y, 1, Navy);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var labelLines = page.Text.Wrap(row.LabelKm, labelKm, labelWidth).Count + page.Text.Wrap(row.LabelEn, labelEn, labelWidth).Count;
            var kmLines = row.ValueKm is null ? [] : page.Text.Wrap(row.ValueKm, valueKm, valueWidth);
            var latinStyle = row.ValueKm is null ? valueLatinFirst : valueLatin;
            var latinLines = page.Text.Wrap(row.ValueLatin ?? "", latinStyle, valueWidth);
            var valueHeight = kmLines.Count * Mm(5.2f) + latinLines.Count * Mm(4.6f);
            var height = Math.Max(Math.Max(labelLines * Mm(4.6f), valueHeight), Mm(9.5f)) + Mm(2.6f);

            if (i % 2 == 1)
            {
                page.FillRect(new SKRect(left, y, right, y + height), Shade);
            }

            var labelBottom = y + Mm(1.3f) + page.DrawParagraph(row.LabelKm, left + Mm(3), y + Mm(1.3f), labelWidth, labelKm, Mm(4.6f));
            page.DrawParagraph(row.LabelEn, left + Mm(3), labelBottom + Mm(0.2f), labelWidth, labelEn, Mm(4));

            var valueY = y + Mm(1.3f);
            if (row.ValueKm is not null)
            {
                valueY += page.DrawParagraph(row.ValueKm, split + Mm(3), valueY, valueWidth, valueKm, Mm(5.2f)) - Mm(0.4f);
            }

            page.DrawParagraph(row.ValueLatin, split + Mm(3), valueY, valueWidth, latinStyle, Mm(4.6f));

            y += height;
            page.DrawLine(left, y, right, y, i == rows.Count - 1 ? 1 : 0.4f, i == rows.Count - 1 ? Navy : Rule);
        }

        page.DrawLine(split, top, split, y, 0.4f, Rule);
        return y;
    }

    private static void DrawIssueBlock(PageCanvas page, CertificateContent c, float top)
    {
        var left = Mm(20);
        var qrSize = Mm(35);
        page.DrawQrCode(c.VerificationUrl, left, top, qrSize, Ink);
        var captionWidth = Mm(60);
        page.DrawText("ស្កេនដើម្បីផ្ទៀងផ្ទាត់ / Scan to verify", left + Mm(1.5f), top + qrSize + Mm(4), new TextStyle(8.5f, Bold: true) { Color = Navy });
        page.DrawParagraph(VerificationBase(c.VerificationUrl), left + Mm(1.5f), top + qrSize + Mm(5.2f), captionWidth, new TextStyle(7.5f) { Color = Muted }, Mm(3.4f));
        if (c.CheckCode is { Length: > 0 } code)
        {
            // Beside the QR code: with the serial, the code shows the printed fields on the public
            // page to whoever holds the paper (a typed serial alone shows only whether it is genuine).
            var x = left + qrSize + Mm(2);
            page.DrawText("លេខកូដផ្ទៀងផ្ទាត់", x, top + Mm(9), new TextStyle(9, Bold: true) { Color = Navy });
            page.DrawText("Check code", x, top + Mm(13), new TextStyle(8) { Color = Muted });
            page.DrawText(code, x, top + Mm(19.5f), new TextStyle(12.5f, Bold: true) { Color = Ink });
            page.DrawParagraph("វាយជាមួយលេខសៀរៀល / Type it with the serial", x, top + Mm(22), Mm(40), new TextStyle(7) { Color = Muted }, Mm(3.2f));
        }

        var blockLeft = Mm(105);
        var blockWidth = page.Width - Mm(20) - blockLeft;
        var center = blockLeft + blockWidth / 2;
        var y = top + Mm(2);
        y += page.DrawParagraph(
            $"ធ្វើនៅ{c.RegisteringOfficeKm} {KhmerDate(DateOnly.FromDateTime(c.IssuedAt.DateTime))}",
            blockLeft, y, blockWidth, new TextStyle(9.5f) { Color = Ink }, Mm(5), TextAlign.Center);
        y += page.DrawParagraph(
            $"Issued at {c.RegisteringOfficeLatin} on {EnglishDate(DateOnly.FromDateTime(c.IssuedAt.DateTime))}",
            blockLeft, y, blockWidth, new TextStyle(8.5f) { Color = Muted }, Mm(4), TextAlign.Center);
        y += Mm(3);
        page.DrawText("មន្ត្រីអត្រានុកូលដ្ឋាន", center, y + Mm(3.5f), new TextStyle(10, Bold: true) { Color = Navy }, TextAlign.Center);
        page.DrawText("Civil registrar", center, y + Mm(7.5f), new TextStyle(8.5f) { Color = Muted }, TextAlign.Center);
        page.DrawText(c.RegistrarName, center, y + Mm(14.5f), new TextStyle(11, Bold: true) { Color = Ink }, TextAlign.Center);
        page.DrawText(
            "ចុះហត្ថលេខាឌីជីថល · Digitally signed",
            center, y + Mm(19.5f), new TextStyle(8) { Color = Muted }, TextAlign.Center);
    }

    private static void DrawFooter(PageCanvas page, CertificateContent c)
    {
        var issued = c.IssuedAt.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);
        var style = new TextStyle(8) { Color = Muted };
        var y = page.Height - Mm(14);
        page.DrawLine(Mm(20), y - Mm(5), page.Width - Mm(20), y - Mm(5), 0.4f, Rule);
        page.DrawText($"លេខសៀរៀល / Serial: {c.CertificateSerial}", Mm(20), y, style);
        page.DrawText($"ចេញនៅ / Issued: {issued}", page.Width - Mm(20), y, style, TextAlign.Right);
    }

    /// <summary>
    /// The diagonal watermark, and the same words in a horizontal line at the top, which text
    /// extraction and screen readers pick up (pdftotext drops diagonal text).
    /// </summary>
    private static void DrawWatermark(PageCanvas page)
    {
        page.DrawText(
            "លែងប្រើ៖ សំបុត្រនេះត្រូវបានជំនួសដោយសំបុត្រថ្មី / SUPERSEDED: replaced by a later certificate",
            page.Width / 2, Mm(15.5f), new TextStyle(8.5f, Bold: true) { Color = CopyRed }, TextAlign.Center);
        var canvas = page.Canvas;
        canvas.Save();
        canvas.RotateDegrees(-38, page.Width / 2, page.Height / 2);
        page.DrawText("លែងប្រើ", page.Width / 2, page.Height / 2 - Mm(4), new TextStyle(64, Bold: true) { Color = WatermarkRed }, TextAlign.Center);
        page.DrawText("SUPERSEDED", page.Width / 2, page.Height / 2 + Mm(22), new TextStyle(54, Bold: true) { Color = WatermarkRed }, TextAlign.Center);
        canvas.Restore();
    }

    /// <summary>The verification address without the token, printed under the QR code.</summary>
    private static string VerificationBase(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return uri.GetLeftPart(UriPartial.Path);
        }

        var query = url.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? url : url[..query];
    }

    private static string Join(string first, string second) =>
        string.Join(' ', new[] { first, second }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()));

    /// <summary>The formal Khmer date: ថ្ងៃទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២៦.</summary>
    internal static string KhmerDate(DateOnly date) =>
        $"ថ្ងៃទី{KhmerNumerals.ToKhmerDigits(date.Day.ToString(CultureInfo.InvariantCulture))} ខែ{s_khmerMonths[date.Month - 1]} ឆ្នាំ{KhmerNumerals.ToKhmerDigits(date.Year.ToString(CultureInfo.InvariantCulture))}";

    internal static string EnglishDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
