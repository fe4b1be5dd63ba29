using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>How a statistical basis reads: by the census it follows, never by the data label.</summary>
public sealed class BasisTextTests
{
    [Theory]
    [InlineData("", "the basis first published", "as first published", "the basis first published", "", "first published")]
    [InlineData("census5", "the basis revised after the fifth national economic census", "revised after the fifth national economic census", "the fifth census revision", "after the 5th census", "after the 5th census")]
    [InlineData("census1", "the basis revised after the first national economic census", "revised after the first national economic census", "the first census revision", "after the 1st census", "after the 1st census")]
    [InlineData("2023 revision", "the basis 2023 revision", "on basis 2023 revision", "basis 2023 revision", "2023 revision", "2023 revision")]
    public void A_basis_is_written_by_name(string basis, string describe, string phrase, string revision, string brief, string shortName)
    {
        Assert.Equal(describe, BasisText.Describe(basis));
        Assert.Equal(phrase, BasisText.Phrase(basis));
        Assert.Equal(revision, BasisText.Revision(basis));
        Assert.Equal(brief, BasisText.Brief(basis));
        Assert.Equal(shortName, BasisText.Short(basis));
    }

    [Fact]
    public void A_coefficient_keeps_the_data_label_it_is_fitted_for()
    {
        Assert.Equal("level after the 5th census", BasisText.ParameterName("census5"));
        Assert.Equal("level on basis rebased2020", BasisText.ParameterName("rebased2020"));
        Assert.Equal("level first published", BasisText.ParameterName(""));
        Assert.Equal("the fifth national economic census", BasisText.Census("census5"));
    }
}
