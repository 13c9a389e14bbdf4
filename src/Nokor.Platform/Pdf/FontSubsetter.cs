using System.Runtime.InteropServices;
using HarfBuzzSharp;
using SkiaSharp;

namespace Nokor.Platform.Pdf;

/// <summary>
/// Cuts a font down to the glyphs a document uses, with HarfBuzz's subsetter (hb-subset, exported
/// by the HarfBuzzSharp native library but not wrapped by it). The SkiaSharp build embeds every
/// font it is given whole — about 1.2 MB for the four bundled fonts, 650 kB compressed — so the
/// PDF writer draws with these subsets instead (a certificate then weighs some tens of kB).
/// Glyph ids are kept (<c>RETAIN_GIDS</c>), so glyphs shaped with the full font draw unchanged;
/// the layout tables are dropped since nothing shapes with the subset. Any failure returns null
/// and the caller embeds the full font.
/// </summary>
internal static class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";

    private const uint NoHinting = 0x1;
    private const uint RetainGids = 0x2;
    private const uint NoLayoutClosure = 0x200;
    private const int DropTableTagSet = 3;

    private static readonly string[] s_droppedTables = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "kerx", "DSIG"];

    /// <summary>The subset font file, or null when subsetting is not possible here.</summary>
    public static byte[]? TrySubset(byte[] font, IEnumerable<ushort> glyphs, IEnumerable<int> codePoints)
    {
        try
        {
            return Subset(font, glyphs, codePoints);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>A typeface of the subset, or null.</summary>
    public static SKTypeface? TrySubsetTypeface(byte[] font, IEnumerable<ushort> glyphs, IEnumerable<int> codePoints)
    {
        var subset = TrySubset(font, glyphs, codePoints);
        if (subset is null)
        {
            return null;
        }

        using var data = SKData.CreateCopy(subset);
        return SKTypeface.FromData(data);
    }

    /// <summary>
    /// Each font's bytes copied once into native memory for the life of the process, wrapped in a
    /// read-only HarfBuzz blob. HarfBuzzSharp's managed <c>Blob.FromStream</c> was used before and
    /// crashed the process (SIGSEGV in hb_face_reference_blob) when two documents were rendered at
    /// once: its data and release callback live on the managed side. Native memory that is never
    /// moved or freed has no such hazard; the bundled fonts are four.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<byte[], IntPtr> s_blobs = new(ReferenceEqualityComparer.Instance);

    private static IntPtr NativeBlob(byte[] font) => s_blobs.GetOrAdd(font, static bytes =>
    {
        var memory = Marshal.AllocHGlobal(bytes.Length);
        Marshal.Copy(bytes, 0, memory, bytes.Length);
        return hb_blob_create(memory, (uint)bytes.Length, MemoryModeReadOnly, IntPtr.Zero, IntPtr.Zero);
    });

    private static byte[]? Subset(byte[] font, IEnumerable<ushort> glyphs, IEnumerable<int> codePoints)
    {
        // A face of its own per call (cheap: it only refers to the shared immutable blob).
        var face = hb_face_create(NativeBlob(font), 0);
        try
        {
            return Subset(face, glyphs, codePoints);
        }
        finally
        {
            hb_face_destroy(face);
        }
    }

    private static byte[]? Subset(IntPtr face, IEnumerable<ushort> glyphs, IEnumerable<int> codePoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            hb_subset_input_set_flags(input, NoHinting | RetainGids | NoLayoutClosure);
            var glyphSet = hb_subset_input_glyph_set(input);
            hb_set_add(glyphSet, 0);
            foreach (var glyph in glyphs)
            {
                hb_set_add(glyphSet, glyph);
            }

            var unicodeSet = hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints)
            {
                hb_set_add(unicodeSet, (uint)codePoint);
            }

            var dropped = hb_subset_input_set(input, DropTableTagSet);
            foreach (var tag in s_droppedTables)
            {
                hb_set_add(dropped, (uint)(tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3]));
            }

            var subsetFace = hb_subset_or_fail(face, input);
            if (subsetFace == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                var subsetBlob = hb_face_reference_blob(subsetFace);
                try
                {
                    var data = hb_blob_get_data(subsetBlob, out var length);
                    if (data == IntPtr.Zero || length == 0)
                    {
                        return null;
                    }

                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    hb_blob_destroy(subsetBlob);
                }
            }
            finally
            {
                hb_face_destroy(subsetFace);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    private const int MemoryModeReadOnly = 1;

    [DllImport(Library)]
    private static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [DllImport(Library)]
    private static extern IntPtr hb_face_create(IntPtr blob, uint index);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(Library)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(Library)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint value);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_glyph_set(IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);

    [DllImport(Library)]
    private static extern void hb_set_add(IntPtr set, uint codepoint);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(Library)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(Library)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(Library)]
    private static extern void hb_blob_destroy(IntPtr blob);
}
