namespace DescPortal.Core.Tests;

public class UploadLimitsTests
{
    [Fact]
    public void UploadLimitsDefaultToTheIssuesFigures()
    {
        Assert.Equal(200L * 1024 * 1024, UploadLimits.Default.MaxFileBytes);
        Assert.Equal(100_000_000, UploadLimits.Default.MaxPixels);
        Assert.Equal(20, UploadLimits.Default.MaxFilesPerReferral);
    }

    [Fact]
    public void EachLimitCanBeChangedAlone()
    {
        var limits = UploadLimits.Default with { MaxFilesPerReferral = 5 };

        Assert.Equal(5, limits.MaxFilesPerReferral);
        Assert.Equal(UploadLimits.Default.MaxFileBytes, limits.MaxFileBytes);
    }
}
