namespace ZoneGrowth.Data.Reading;

/// <summary>Turns the rows of one data file into observations, collecting every issue.</summary>
internal static class ObservationTableReader
{
    public static IReadOnlyList<string> RequiredColumns { get; } = ["zone", "indicator", "year", "value", "unit", "status", "source"];

    public static IReadOnlyList<string> OptionalColumns { get; } = ["growth_pct", "published", "quote", "note", "period", "basis"];

    /// <summary>Reads the rows; also returns the file's column map, which locates a cell of any line for later checks (null when the header could not be read).</summary>
    public static (IReadOnlyList<Observation> Observations, int Rows, ColumnMap? Map) Read(RawTable table, IndicatorCatalog catalog, List<ValidationIssue> issues)
    {
        if (ColumnMap.WrongSeparator(table) is { } separator)
        {
            issues.Add(separator);
            return ([], table.Rows.Count, null);
        }

        issues.AddRange(table.ReadIssues);
        var map = ColumnMap.Create(table, RequiredColumns, OptionalColumns, issues);
        var observations = new List<Observation>();
        if (!map.IsComplete)
        {
            return (observations, table.Rows.Count, null);
        }

        if (table.Rows.Count == 0)
        {
            issues.Add(new ValidationIssue(new SourceLocation(table.File, table.Header!.Line + 1), string.Empty, DataMessages.NoRowsRule, DataMessages.NoRowsAdvice));
            return (observations, 0, map);
        }

        // A line the reader could not parse is reported once, by the reader.
        var unreadable = table.ReadIssues.Select(i => i.Location.Line).ToHashSet();
        foreach (var row in table.Rows.Where(r => !unreadable.Contains(r.Line)))
        {
            if (map.CheckWidth(row, issues) && CheckText(map, row, issues) && Read(new RowReader(map, row, issues), catalog) is { } observation)
            {
                observations.Add(observation);
            }
        }

        return (observations, table.Rows.Count, map);
    }

    /// <summary>Columns of free text that a spreadsheet would evaluate as a formula if they started with =, +, - or @.</summary>
    private static readonly string[] FreeTextColumns = ["source", "quote", "note"];

    /// <summary>
    /// Rejects control characters (NUL and the like; tabs and line breaks inside quoted text are
    /// allowed) in any cell, and free text that starts like a spreadsheet formula. True when the row is clean.
    /// </summary>
    private static bool CheckText(ColumnMap map, RawRow row, List<ValidationIssue> issues)
    {
        var clean = true;
        foreach (var cell in row.Cells)
        {
            if (cell.Text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
            {
                issues.Add(new ValidationIssue(map.Locate(row, cell.ColumnIndex), cell.Text, DataMessages.ControlCharacterRule, DataMessages.ControlCharacterAdvice));
                clean = false;
            }
        }

        foreach (var column in FreeTextColumns)
        {
            var text = map.Text(row, column);
            if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
            {
                issues.Add(new ValidationIssue(map.Locate(row, column), text, DataMessages.FormulaRule(text[0]), DataMessages.FormulaAdvice));
                clean = false;
            }
        }

        return clean;
    }

    private static Observation? Read(RowReader reader, IndicatorCatalog catalog)
    {
        var zone = reader.Required("zone");
        IndicatorDefinition? indicator = null;
        if (reader.Required("indicator") is { } id)
        {
            if (!catalog.TryGet(id, out indicator))
            {
                reader.Report("indicator", DataMessages.UnknownIndicatorRule(catalog.File), DataMessages.UnknownIndicatorAdvice(catalog.Indicators.Select(i => i.Id)));
            }
        }

        var year = reader.Year("year");
        var value = reader.Number("value", required: true);
        var unit = ReadUnit(reader, indicator, catalog.Units);
        ObservationStatus? status = null;
        if (ObservationStatusText.TryParse(reader.Text("status"), out var parsedStatus))
        {
            status = parsedStatus;
        }
        else
        {
            reader.Report("status", DataMessages.UnknownStatusRule, DataMessages.UnknownStatusAdvice());
        }

        Period? period = null;
        if (Period.TryParse(reader.Text("period"), out var parsedPeriod))
        {
            period = parsedPeriod;
        }
        else
        {
            reader.Report("period", DataMessages.UnknownPeriodRule, DataMessages.UnknownPeriodAdvice());
        }

        var basis = reader.Basis("basis");
        var growth = reader.Number("growth_pct", required: false);
        if (growth is <= -100)
        {
            reader.Report("growth_pct", DataMessages.GrowthRule, DataMessages.GrowthAdvice);
        }

        var published = reader.Published("published");
        var source = reader.Text("source");
        if (source.Trim().Length == 0)
        {
            reader.Report("source", DataMessages.MissingSourceRule(status ?? ObservationStatus.Reported), DataMessages.SourceAdvice);
        }

        decimal? converted = null;
        if (value is { } v && unit is not null && indicator is not null)
        {
            if (Units.TryConvert(v, unit, indicator.Unit, out var inCatalogUnit))
            {
                converted = inCatalogUnit;
                CheckRange(reader, indicator, inCatalogUnit);
            }
            else
            {
                reader.Report("value", DataMessages.TooLargeToConvertRule(unit, indicator), DataMessages.TooLargeAdvice);
            }
        }

        if (reader.HasIssues)
        {
            return null;
        }

        return new Observation(
            zone!, indicator!, year!.Value, (double)converted!.Value, status!.Value,
            growth is { } g ? (double)g : null, published!, source, reader.Text("quote"), reader.Text("note"),
            value!.Value, unit!, new SourceLocation(reader.Locate("zone").File, reader.Row.Line), period!.Value, basis!);
    }

    private static Unit? ReadUnit(RowReader reader, IndicatorDefinition? indicator, UnitTable units)
    {
        var text = reader.Text("unit");
        if (!units.TryFind(text, out var unit))
        {
            reader.Report("unit", DataMessages.UnknownUnitRule(units), DataMessages.UnknownUnitAdvice(text, units));
            return null;
        }

        if (indicator is not null && unit.Dimension != indicator.Unit.Dimension)
        {
            reader.Report("unit", DataMessages.IncompatibleUnitRule(unit, indicator), DataMessages.IncompatibleUnitAdvice(indicator, units));
            return null;
        }

        return unit;
    }

    private static void CheckRange(RowReader reader, IndicatorDefinition indicator, decimal value)
    {
        switch (indicator.Kind)
        {
            case IndicatorKind.Level when value < 0:
            case IndicatorKind.Count when value < 0:
                reader.Report("value", DataMessages.NegativeRule, DataMessages.NegativeAdvice);
                break;
            case IndicatorKind.Count when value != decimal.Truncate(value):
                reader.Report("value", DataMessages.CountRule, DataMessages.CountAdvice);
                break;
            case IndicatorKind.Share when value is < 0 or > 100:
                reader.Report("value", DataMessages.ShareRule, DataMessages.ShareAdvice);
                break;
            case IndicatorKind.Growth when value <= -100:
                reader.Report("value", DataMessages.GrowthRule, DataMessages.GrowthAdvice);
                break;
        }
    }
}
