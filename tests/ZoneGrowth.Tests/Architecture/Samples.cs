// Sample namespaces for NamespaceLayeringTests: each area below uses Samples.Used in one way only, so the test sees
// whether the reader of the compiled assembly finds that kind of use. Nothing else uses these types.
using System.ComponentModel;

namespace ZoneGrowth.Tests.Architecture.Samples
{
    /// <summary>The root's own namespace is an area of its own.</summary>
    internal static class RootHolder
    {
        public static Type Used() => typeof(Used.Marker);
    }
}

namespace ZoneGrowth.Tests.Architecture.Samples.Used
{
    /// <summary>The type the samples use.</summary>
    internal sealed class Marker
    {
        public static int Count => 1;
    }

    /// <summary>A base type to derive from.</summary>
    internal abstract class Base;

    /// <summary>An interface to implement.</summary>
    internal interface IMarked;
}

namespace ZoneGrowth.Tests.Architecture.Samples.Used.Inner
{
    /// <summary>A sub-namespace belongs to its area: its uses are the area's.</summary>
    internal sealed class Deeper : Base
    {
        public static CycleA.First? Wrap(Marker marker) => marker is null ? null : new CycleA.First();
    }
}

namespace ZoneGrowth.Tests.Architecture.Samples.ByAttributeArgument
{
    /// <summary>Names the used type only in an attribute's <c>typeof</c>, as a JSON converter attribute does.</summary>
    [TypeConverter(typeof(Used.Marker))]
    internal sealed class Holder;
}

namespace ZoneGrowth.Tests.Architecture.Samples.ByBaseType
{
    /// <summary>Derives from the used type.</summary>
    internal sealed class Holder : Used.Base;
}

namespace ZoneGrowth.Tests.Architecture.Samples.ByInterface
{
    /// <summary>Implements the used interface.</summary>
    internal sealed class Holder : Used.IMarked;
}

namespace ZoneGrowth.Tests.Architecture.Samples.BySignature
{
    /// <summary>Takes the used type as a parameter and does nothing with it in its body.</summary>
    internal static class Holder
    {
        public static void Take(Used.Marker marker) => GC.KeepAlive(marker);
    }
}

namespace ZoneGrowth.Tests.Architecture.Samples.ByBody
{
    /// <summary>Builds the used type in a body, behind a signature that names only object.</summary>
    internal static class Holder
    {
        public static object Make() => new Used.Marker();
    }
}

namespace ZoneGrowth.Tests.Architecture.Samples.ByGenericArgument
{
    /// <summary>Names the used type only as a generic argument of another assembly's type.</summary>
    internal static class Holder
    {
        public static int Count() => new List<Used.Marker>().Count;
    }
}

namespace ZoneGrowth.Tests.Architecture.Samples.ByCast
{
    /// <summary>Names the used type only in a type test.</summary>
    internal static class Holder
    {
        public static bool IsMarker(object value) => value is Used.Marker;
    }
}

namespace ZoneGrowth.Tests.Architecture.Samples.ByLambda
{
    /// <summary>Uses the used type only inside a lambda, whose body the compiler puts in a nested class.</summary>
    internal static class Holder
    {
        public static Func<int> Counter() => () => Used.Marker.Count;
    }
}

namespace ZoneGrowth.Tests.Architecture.Samples.CycleA
{
    /// <summary>One half of a cycle: uses CycleB in a body.</summary>
    internal sealed class First
    {
        public static object Next() => new CycleB.Second();
    }
}

namespace ZoneGrowth.Tests.Architecture.Samples.CycleB
{
    /// <summary>The other half: names CycleA in an attribute only.</summary>
    [TypeConverter(typeof(CycleA.First))]
    internal sealed class Second;
}
