namespace Nokor.Population.Generation;

/// <summary>
/// A rough age pyramid of Cambodia by 5-year band, in percent of the population: a young
/// population (median about 26) with the hollow of the cohort born under the Khmer Rouge
/// (1975–1979) in the 40–44 band. Shaped after the published outline of the 2019 General
/// Population Census, rounded; these are not official figures, only enough to make demo data
/// look plausible. The generator draws household members' ages from it (see
/// <see cref="HouseholdBuilder"/>), so the resulting population follows it only approximately.
/// </summary>
internal static class AgePyramid
{
    /// <summary>Percent of the population in the bands 0–4, 5–9, …, 90–94.</summary>
    public static readonly double[] BandPercent =
    [
        9.5, // 0-4
        9.7, // 5-9
        9.4, // 10-14
        8.8, // 15-19
        8.6, // 20-24
        8.8, // 25-29
        8.4, // 30-34
        7.6, // 35-39
        5.2, // 40-44: born 1975-1984, the Khmer Rouge years and just after
        5.4, // 45-49
        4.9, // 50-54
        4.1, // 55-59
        3.3, // 60-64
        2.4, // 65-69
        1.6, // 70-74
        1.0, // 75-79
        0.6, // 80-84
        0.3, // 85-89
        0.1, // 90-94
    ];

    public const int MaxAge = 94;

    /// <summary>An age in whole years between <paramref name="min"/> and <paramref name="max"/>, following the pyramid.</summary>
    public static int Sample(Random random, int min, int max)
    {
        min = Math.Max(0, min);
        max = Math.Min(MaxAge, max);
        if (min >= max)
        {
            return min;
        }

        Span<double> weights = stackalloc double[BandPercent.Length];
        var total = 0.0;
        for (var i = 0; i < BandPercent.Length; i++)
        {
            var overlap = Math.Max(0, Math.Min(i * 5 + 4, max) - Math.Max(i * 5, min) + 1);
            weights[i] = BandPercent[i] * overlap / 5.0;
            total += weights[i];
        }

        var x = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0 && x < weights[i])
            {
                return random.Next(Math.Max(i * 5, min), Math.Min(i * 5 + 4, max) + 1);
            }

            x -= weights[i];
        }

        return max;
    }
}
