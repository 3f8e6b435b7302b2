using Civic.Contracts.Common.V1;
using Civic.Hosting.Errors;
using Civic.Hosting.Paging;

namespace Civic.Hosting.Tests.Paging;

public sealed class PageRequestsTests
{
    [Theory]
    [InlineData(0, 50)]
    [InlineData(10, 10)]
    [InlineData(500, 500)]
    [InlineData(501, 500)]
    [InlineData(100_000, 500)]
    public void Read_PageSize_DefaultAndMaximumApplied(int requested, int expected)
    {
        var query = PageRequests.Read(new PageRequest { PageSize = requested }, "scope");

        Assert.Equal(expected, query.Size);
        Assert.Equal(0, query.Offset);
    }

    [Fact]
    public void Read_NoPageField_FirstPageOfDefaultSize()
    {
        Assert.Equal(new PageQuery(0, PageRequests.DefaultPageSize, "scope"), PageRequests.Read(null, "scope"));
    }

    [Fact]
    public void Read_NegativePageSize_InvalidPageSizeField()
    {
        var exception = Assert.Throws<ValidationException>(() => PageRequests.Read(new PageRequest { PageSize = -1 }, "scope"));

        Assert.Equal("page.page_size", Assert.Single(exception.Violations).Field);
    }

    [Fact]
    public void ToPage_MoreItemsThanPage_NextTokenContinuesWhereThePageEnded()
    {
        var first = PageRequests.Read(new PageRequest { PageSize = 2 }, "hotline.departments");
        var page = first.ToPage(new[] { "a", "b", "c" }, totalSize: 5);

        Assert.Equal(["a", "b"], page.Items);
        Assert.Equal(5, page.Info.TotalSize);
        Assert.NotEmpty(page.Info.NextPageToken);
        var second = PageRequests.Read(new PageRequest { PageSize = 2, PageToken = page.Info.NextPageToken }, "hotline.departments");
        Assert.Equal(2, second.Offset);
    }

    [Fact]
    public void ToPage_LastPage_EmptyNextToken()
    {
        var page = new PageQuery(4, 2, "scope").ToPage(new[] { "e" });

        Assert.Equal(["e"], page.Items);
        Assert.Equal(string.Empty, page.Info.NextPageToken);
        Assert.Equal(-1, page.Info.TotalSize);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAA")]
    [InlineData("!!!")]
    [InlineData("AQAAAAIAAAAAAAAAAA")]
    public void Read_DamagedToken_InvalidPageTokenField(string token)
    {
        var exception = Assert.Throws<ValidationException>(() => PageRequests.Read(new PageRequest { PageToken = token }, "scope"));

        var violation = Assert.Single(exception.Violations);
        Assert.Equal("page.page_token", violation.Field);
        Assert.Contains("next_page_token", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TokenFromAnotherList_Refused()
    {
        var token = new PageQuery(0, 1, "network.search:facilitering").ToPage(new[] { 1, 2 }).Info.NextPageToken;

        Assert.Throws<ValidationException>(() => PageRequests.Read(new PageRequest { PageToken = token }, "network.search:ensomhed"));
    }
}
