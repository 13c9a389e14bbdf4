using Nokor.Platform.Gazetteer;

namespace Nokor.Platform.Tests.Gazetteer;

/// <summary>The official NCDD workbook beside the repository (../shared/data/gazetteer), read once.</summary>
internal static class GazetteerWorkbook
{
    public const string FileName = "ncdd-gazetteer-2024-10-14.xlsx";

    private static readonly Lazy<NcddWorkbook> _read = new(() => NcddWorkbookReader.Read(Path));

    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Nokor.slnx")))
            {
                dir = dir.Parent;
            }

            Assert.True(dir is not null, "Could not find the repository root (Nokor.slnx) above " + AppContext.BaseDirectory);
            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data", "gazetteer", FileName));
            Assert.True(File.Exists(path), $"The NCDD workbook is expected at {path}.");
            return path;
        }
    }

    public static NcddWorkbook Read() => _read.Value;
}
