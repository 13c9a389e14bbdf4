using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Platform.Hosting;

/// <summary>One file posted as multipart/form-data in the field "file", with the form's other fields.</summary>
public sealed record UploadedFile(string FileName, byte[] Content, IFormCollection Form);

/// <summary>
/// The shared handling of document uploads that come both from browser forms (signed in by
/// cookie, with an antiforgery token and a page to go back to) and from other systems (bearer
/// token, JSON answers).
/// </summary>
public static class FileUploads
{
    /// <summary>Reads the file, or says which field is wrong (a forged or expired form, no file, too large).</summary>
    public static async Task<(UploadedFile? File, ValidationProblem? Problem)> ReadAsync(HttpContext http, IAntiforgery antiforgery, long maxBytes, CancellationToken ct)
    {
        if (await http.IsForgedBrowserFormAsync(antiforgery))
        {
            return (null, Problems.Invalid("file", "The form expired: open the page again and resend the file."));
        }

        if (!http.Request.HasFormContentType)
        {
            return (null, Problems.Invalid("file", "Send the file as multipart/form-data in the field \"file\"."));
        }

        if (await ReadFormOrNullAsync(http.Request, ct) is not { } form)
        {
            return (null, Problems.Invalid("file", "The multipart/form-data body is malformed: send the file in the field \"file\"."));
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return (null, Problems.Invalid("file", "Send the file as multipart/form-data in the field \"file\"."));
        }

        if (file.Length > maxBytes)
        {
            return (null, Problems.Invalid("file", $"The file is larger than {maxBytes / (1024 * 1024)} MB."));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (new UploadedFile(file.FileName, buffer.ToArray(), form), null);
    }

    /// <summary>
    /// The whole upload endpoint after routing: reads the file (or answers which field is wrong),
    /// hands it to the use case, and answers a browser form with a redirect back to its page and an
    /// API caller with the outcome as JSON or a problem.
    /// </summary>
    public static async Task<Results<Ok<T>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, RedirectHttpResult>> HandleAsync<T>(
        HttpContext http,
        IAntiforgery antiforgery,
        long maxBytes,
        Func<UploadedFile, Task<Outcome<T>>> useCase,
        string errorParameter,
        string anchor,
        CancellationToken ct)
    {
        var (upload, problem) = await ReadAsync(http, antiforgery, maxBytes, ct);
        if (upload is null)
        {
            return problem!;
        }

        var outcome = await useCase(upload);
        if (BackToPage(http, upload.Form, outcome, errorParameter, anchor) is { } redirect)
        {
            return redirect;
        }

        return outcome.ToHttp().Result switch
        {
            Ok<T> ok => ok,
            ValidationProblem v => v,
            NotFound<ProblemDetails> n => n,
            Conflict<ProblemDetails> c => c,
            var other => throw new InvalidOperationException($"Unexpected outcome {other?.GetType().Name}."),
        };
    }

    /// <summary>
    /// The request's form, or null when its body does not parse: a multipart body without its
    /// boundary, with parts that do not parse, or cut short. A body over the size limit still
    /// throws, and stays the host's 413.
    /// </summary>
    public static async Task<IFormCollection?> ReadFormOrNullAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
        {
            return null;
        }
    }

    /// <summary>
    /// For a browser form with a local <c>returnUrl</c>: back to that page, or — when the upload
    /// was refused — to the page with the reason in <paramref name="errorParameter"/> and the
    /// <paramref name="anchor"/> of its upload section. Null for other callers, who get JSON.
    /// </summary>
    public static RedirectHttpResult? BackToPage<T>(HttpContext http, IFormCollection form, Outcome<T> outcome, string errorParameter, string anchor)
    {
        var back = form["returnUrl"].ToString();
        if (!http.IsFromBrowser() || !back.StartsWith('/') || back.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        if (outcome.IsOk)
        {
            return TypedResults.Redirect(back);
        }

        // A person at the record page gets the page back with the reason, not JSON.
        var reason = outcome.Errors.SelectMany(e => e.Value).FirstOrDefault() ?? outcome.Message ?? "";
        var page = back.Split('?', '#')[0];
        return TypedResults.Redirect($"{page}?{errorParameter}={Uri.EscapeDataString(reason)}#{anchor}");
    }
}
