namespace ZoneGrowth.Display.Tests;

/// <summary>The text/plain part of the display layer's HTML (<see cref="PlainText"/>), against text laid out by hand.</summary>
public sealed class PlainTextTests
{
    [Fact]
    public void A_table_is_laid_out_in_columns_with_numbers_right_aligned_wide_characters_counted_twice_and_its_notes_under_it()
    {
        var html = new Table("Levels, 亿元", "year", "value", "source")
            .AddGroup("HHZ · GDP (地区生产总值)")
            .AddRow(new TableCell("2021", Numeric: true), new TableCell("2,022.6", Numeric: true), "hhtz.gov.cn/…")
            .AddDetail("“地区生产总值2022.6亿元” · Source: hhtz.gov.cn/a.html")
            .AddRow(new TableCell("2024", Numeric: true), new TableCell("887.8", Numeric: true), "浙江在线")
            .AddNote("Values as published.")
            .AddHint("Hover over a source for its address.")
            .ToHtml();

        Assert.Equal(
            """
            Levels, 亿元
            year  value    source
            ----  -------  -------------
            HHZ · GDP (地区生产总值)
            2021  2,022.6  hhtz.gov.cn/…
                “地区生产总值2022.6亿元” · Source: hhtz.gov.cn/a.html
            2024    887.8  浙江在线

            Values as published.
            """.ReplaceLineEndings("\n"),
            PlainText.From(html));
    }

    [Fact]
    public void A_long_cell_wraps_at_spaces_within_its_width_and_the_row_keeps_its_columns()
    {
        var words = string.Join(' ', Enumerable.Repeat("abcd", 12)); // 59 characters
        var html = new Table("t", "a", "b").AddRow(words, new TableCell("1", Numeric: true)).ToHtml();

        // 8 words (39 characters) fit in 40 columns; the other 4 go to a second line.
        Assert.Equal(
            "t\na" + new string(' ', 38) + "  b\n" + new string('-', 39) + "  -\n"
            + string.Join(' ', Enumerable.Repeat("abcd", 8)) + "  1\n" + string.Join(' ', Enumerable.Repeat("abcd", 4)),
            PlainText.From(html));
    }

    [Fact]
    public void Blocks_are_lines_entities_are_decoded_and_scripts_styles_and_comments_are_dropped()
    {
        const string html = "<div><h3>The answer</h3><p>P &gt; 0.66: <b>likely</b>,<br>and so on</p><style>p{}</style><script>x()</script><!-- c --><ul><li>one</li><li>two</li></ul><details><summary>More</summary><p>Folded.</p></details></div>";

        Assert.Equal("The answer\nP > 0.66: likely,\nand so on\n- one\n- two\nMore\nFolded.", PlainText.From(html));
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("亿元", 4)]
    [InlineData("6,000 亿元", 10)]
    [InlineData("（全角）", 8)]
    public void A_wide_character_takes_two_columns(string text, int width) => Assert.Equal(width, PlainText.Width(text));
}
