namespace ZoneGrowth.Notebooks.Reports;

/// <summary>Chromium could not do what was asked; the message says why, in words for the run's log.</summary>
internal sealed class ChromiumException(string message) : Exception(message);
