namespace ZoneGrowth.Notebooks.Reports;

/// <summary>The reports' stylesheet (inlined in every page: no external file).</summary>
internal static class ReportStyle
{
    /// <summary>
    /// Scales each wide table for print: lays the tables out as in print (cells at most 14rem, a column 700 CSS
    /// pixels wide, about A4 less its margins), and gives each one wider than that the zoom that fits it
    /// (<c>--zg-fit</c>, at least 0.6: 7 pt for the tables' 12 pt text, below which it is too small to read; beyond
    /// that cells wrap).
    /// </summary>
    public const string FitScript = """
        (function () {
          var width = 700;
          document.body.classList.add('zg-measure-print');
          var tables = document.querySelectorAll('.output.html table');
          for (var i = 0; i < tables.length; i++) {
            var fit = Math.max(0.6, Math.min(1, width / tables[i].scrollWidth));
            if (fit < 1) { tables[i].style.setProperty('--zg-fit', fit.toFixed(3)); }
          }
          document.body.classList.remove('zg-measure-print');
        })();
        """;

    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; color: #1f2328; background: #fff; margin: 0; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        h1.title { margin-bottom: .25rem; }
        .nav { margin: 0 0 .5rem; }
        .status.ok { color: #1a7f37; } .status.failed, .failed { color: #cf222e; font-weight: 600; }
        .warning { background: #fff8c5; border-left: 4px solid #d4a72c; padding: .5rem .75rem; }
        .cell { margin: 1.25rem 0; }
        .cell.code .prompt { font: 12px ui-monospace, monospace; color: #57606a; }
        pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, "PingFang SC", "Microsoft YaHei", "Noto Sans Mono CJK SC", "Noto Sans CJK SC", monospace; overflow-x: auto; padding: .6rem .8rem; margin: .3rem 0; white-space: pre-wrap; word-break: break-word; }
        pre.source { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; }
        .cell.injected pre.source { background: #fff8e6; }
        .kw { color: #0550ae; } .str { color: #0a3069; } .num { color: #953800; } .com { color: #6e7781; font-style: italic; } .dir { color: #8250df; }
        pre.output { border-left: 3px solid #d0d7de; }
        pre.stderr { background: #fff5f5; border-left-color: #ff8182; }
        .output.error { background: #ffebe9; border: 1px solid #ff8182; border-radius: 6px; padding: .4rem .8rem; margin: .3rem 0; }
        .output.error .ename { font-weight: 600; color: #a40e26; margin: .2rem 0; white-space: pre-wrap; }
        .output.html, .output.image, .output.chart { margin: .3rem 0; overflow-x: auto; }
        /* A table wider than the column scrolls, and says so: shadows at the edges with more to see
           (they scroll away with the content at each end), the first column kept in view. */
        .output.html { background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)), linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) 100% 0,
            radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.18), rgba(0,0,0,0)), radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.18), rgba(0,0,0,0)) 100% 0;
            background-repeat: no-repeat; background-size: 40px 100%, 40px 100%, 14px 100%, 14px 100%; background-attachment: local, local, scroll, scroll; }
        .output.html tr > :first-child { position: sticky; left: 0; background: #fff; z-index: 1; }
        /* Long text wraps at spaces within a readable width; numbers never break (no spaces in them). */
        .output.html td, .output.html th { max-width: 26rem; }
        .output.html td[colspan], .output.html th[colspan] { max-width: none; } /* a group heading or a row's details line spans the table */
        .output.html td pre, .output.html th pre { white-space: pre-wrap; word-break: normal; overflow-wrap: normal; padding: 0; margin: 0; }
        /* The picture run rendered of each chart stands in for the interactive chart in print. */
        .chart-picture { display: none; max-width: 100%; height: auto; }
        p.output.published { color: #57606a; font-size: .9rem; margin: .2rem 0; }
        details.setup { margin: 1rem 0; border: 1px solid #d0d7de; border-radius: 6px; padding: .3rem .8rem; }
        details.setup > summary { cursor: pointer; color: #57606a; font-size: .9rem; }
        .answer h2 .from { font-weight: normal; color: #57606a; font-size: 1rem; }
        table.notebooks td.files { white-space: nowrap; }
        .comparison li { margin: .2rem 0; }
        .comparison p.note { color: #57606a; font-size: .9rem; }
        table { border-collapse: collapse; margin: .5rem 0; }
        th, td { border: 1px solid #d0d7de; padding: .25rem .6rem; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; color: inherit; }
        sup.zg-ref { font-size: .7em; line-height: 0; } sup.zg-ref a { color: #57606a; text-decoration: none; }
        section.zg-sources { margin-top: 2rem; font-size: .85rem; color: #424a53; } section.zg-sources li { overflow-wrap: anywhere; margin: .1rem 0; }
        footer.provenance { margin-top: 3rem; border-top: 1px solid #d0d7de; font-size: .9rem; color: #424a53; }
        footer dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        footer dt { font-weight: 600; } footer dd { margin: 0; word-break: break-all; }
        /* Print (the browser's own and run --pdf): A4 with page numbers; charts as the pictures run rendered; wide
           tables scaled down to the page width by FitScript (not below 60 %, 7 pt), then wrapped; a code cell kept
           on the page of its output (a whole cell with a chart or picture moves to the next page rather than leave its
           code behind); the provenance on a last page of its own. */
        @page { size: A4; margin: 14mm 12mm 16mm; @bottom-right { content: "page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #57606a; } }
        body.zg-measure-print .output.html { width: 700px; overflow: visible; }
        body.zg-measure-print .output.html td, body.zg-measure-print .output.html th { max-width: 14rem; }
        body.zg-measure-print .output.html td[colspan], body.zg-measure-print .output.html th[colspan] { max-width: none; }
        @media print {
            main { max-width: none; padding: 0; }
            .nav { display: none; }
            .output.html { overflow: visible; background: none; }
            .output.html table { zoom: var(--zg-fit, 1); }
            .output.html td, .output.html th { max-width: 14rem; overflow-wrap: break-word; }
            .output.html td[colspan], .output.html th[colspan] { max-width: none; }
            .output.html td pre, .output.html th pre { font: inherit; }
            .output.html tr > :first-child { position: static; }
            tr, .output.chart, .output.image, figure { break-inside: avoid; }
            .cell.code:has(.output.chart), .cell.code:has(.output.image) { break-inside: avoid; }
            .cell.code .prompt, pre.source { break-after: avoid; }
            h1, h2, h3, caption, thead { break-after: avoid; }
            /* A group's heading row stays with the group's first row. */
            .output.html tr:has(> th[scope="rowgroup"]) { break-after: avoid; }
            thead { display: table-header-group; }
            pre.source { break-inside: avoid; }
            /* No widgets on paper: the folded setup and the answer's folded reasoning (the verdict prints it in full). */
            details.setup, details.zg-more { display: none; }
            /* Nor hints about hovering (ReportMarkup.HintClass): the sources' addresses are listed at the end instead. */
            .zg-hint { display: none; }
            section.zg-sources h2 { break-after: avoid; }
            /* The answer is read whole: kept on one page, a little smaller than on screen. */
            .zg-answer { break-inside: avoid; font-size: .92em; }
            /* The code that writes the answer is the page's (and the notebook's) to show: on paper the answer follows its heading. */
            .cell.code:has(.zg-answer) pre.source, .cell.code:has(.zg-answer) .prompt { display: none; }
            .output.chart { overflow: visible; }
            .output.chart:has(.chart-picture) .zg-chart { display: none; }
            .chart-picture { display: block; }
            pre { white-space: pre-wrap; }
            footer.provenance { break-before: page; margin-top: 0; border-top: none; font-size: .72rem; }
            footer.provenance h3 { margin: .6rem 0 .2rem; }
            footer.provenance td, footer.provenance th { padding: 1px 6px; }
        }
        """;
}
