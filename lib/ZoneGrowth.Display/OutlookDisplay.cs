using Microsoft.DotNet.Interactive;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Publishing;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Display;

/// <summary>
/// The sections of a target outlook that a zone's data may not call for, displayed whole: what applies, or one
/// sentence saying why nothing does. A notebook calls them the same way for any zone.
/// </summary>
public static class OutlookDisplay
{
    /// <summary>The evidence on the zone's prices, its prior and P against prices; or why no bridged year needs prices.</summary>
    public static void Prices(TargetOutlook outlook)
    {
        ArgumentNullException.ThrowIfNull(outlook);
        if (outlook.PricePrior is null)
        {
            new Prose($"No bridged year needs {outlook.Target.Zone}'s prices: every year is bridged from a published GDP level or from nominal growth, so the answer does not turn on them.").Display();
            return;
        }

        outlook.PricePrior.Display();
        Charts.PriceCurve(outlook).Display();
    }

    /// <summary>The evidence on whether revenue moves with a census revision; or why the question does not arise.</summary>
    public static void RevisionLink(TargetOutlook outlook)
    {
        ArgumentNullException.ThrowIfNull(outlook);
        if (outlook.RevisionLink is null)
        {
            new Prose($"{outlook.Target.Zone}'s GDP has no level on a revised basis in the data, so no census revision separates the bridged years from the series' last value and revenue's basis does not matter.").Display();
            return;
        }

        outlook.RevisionLink.Display();
    }
}
