namespace ZoneGrowth.Regression;

/// <summary>Validated annual observations of one series, sorted by year, with their logarithms.</summary>
internal sealed class GrowthSeries
{
    private GrowthSeries(string label, int[] years, double[] values)
    {
        Label = label;
        Years = years;
        Values = values;
        LogValues = values.Select(v => Math.Log(v)).ToArray();
    }

    public string Label { get; }

    public int[] Years { get; }

    public double[] Values { get; }

    public double[] LogValues { get; }

    /// <summary>
    /// Checks, in this order: matching lengths, finite and (for logs) positive values, not every year equal,
    /// no duplicate year, and at least <paramref name="minimumPoints"/> points. Errors name the label and the year.
    /// </summary>
    public static GrowthSeries Create(IReadOnlyList<int> years, IReadOnlyList<double> values, string label, int minimumPoints, string modelName, bool requirePositive = true)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(label);
        if (years.Count != values.Count)
        {
            throw new RegressionException(RegressionMessages.SeriesLengthMismatch(label, years.Count, values.Count));
        }

        for (int i = 0; i < years.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new RegressionException(RegressionMessages.SeriesValueNotFinite(label, years[i], values[i]));
            }

            if (requirePositive && values[i] <= 0)
            {
                throw new RegressionException(RegressionMessages.SeriesValueNotPositive(label, years[i], values[i]));
            }
        }

        if (years.Count > 1 && years.All(y => y == years[0]))
        {
            throw new RegressionException(RegressionMessages.SeriesAllYearsEqual(label, years[0]));
        }

        var seen = new HashSet<int>();
        foreach (int year in years)
        {
            if (!seen.Add(year))
            {
                throw new RegressionException(RegressionMessages.SeriesDuplicateYear(label, year));
            }
        }

        if (years.Count < minimumPoints)
        {
            throw new RegressionException(RegressionMessages.SeriesTooShort(label, years.Count, minimumPoints, modelName));
        }

        var order = Enumerable.Range(0, years.Count).OrderBy(i => years[i]).ToArray();
        return new GrowthSeries(label, order.Select(i => years[i]).ToArray(), order.Select(i => values[i]).ToArray());
    }

    public double ValueIn(int year)
    {
        int index = Array.IndexOf(Years, year);
        if (index < 0)
        {
            throw new RegressionException(RegressionMessages.SeriesYearMissing(Label, year));
        }

        return Values[index];
    }

    /// <summary>Years between the first and last observation that have no value.</summary>
    public IReadOnlyList<int> MissingYears() =>
        Enumerable.Range(Years[0], Years[^1] - Years[0] + 1).Except(Years).ToList().AsReadOnly();
}
