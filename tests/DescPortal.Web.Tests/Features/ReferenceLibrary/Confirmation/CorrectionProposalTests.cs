using DescPortal.Web.Features.ReferenceLibrary.Confirmation;
using Xunit;

namespace DescPortal.Web.Tests.Features.ReferenceLibrary.Confirmation;

/// <summary>The correction an issuing authority writes, before the page sends it.</summary>
public sealed class CorrectionProposalTests
{
    [Fact]
    public void Each_proposal_has_an_id_of_its_own_that_stays_while_it_is_written()
    {
        var proposal = new CorrectionProposal();
        var id = proposal.Id;

        proposal.Text = "The fibres are yellow and blue only.";
        proposal.Feature = Guid.NewGuid().ToString();

        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal(id, proposal.Id);
        Assert.NotEqual(id, new CorrectionProposal().Id);
    }

    [Fact]
    public void A_proposal_is_about_the_feature_chosen_or_else_the_whole_specimen()
    {
        var feature = Guid.NewGuid();
        var proposal = new CorrectionProposal();
        Assert.Null(proposal.FeatureId);

        proposal.Feature = feature.ToString();
        Assert.Equal(feature, proposal.FeatureId);

        proposal.Feature = "";
        Assert.Null(proposal.FeatureId);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("\n\t", false)]
    [InlineData("Red fibres are missing.", true)]
    public void Only_a_proposal_that_says_something_is_written(string text, bool written) =>
        Assert.Equal(written, new CorrectionProposal { Text = text }.IsWritten);
}
