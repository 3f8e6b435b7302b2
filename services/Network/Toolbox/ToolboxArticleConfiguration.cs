using Civic.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civic.Network.Toolbox;

/// <summary>Maps <see cref="ToolboxArticle"/> to toolbox_articles (Migrations/0004).</summary>
public sealed class ToolboxArticleConfiguration : IEntityTypeConfiguration<ToolboxArticle>
{
    public void Configure(EntityTypeBuilder<ToolboxArticle> builder)
    {
        builder.ToTable("toolbox_articles");
        builder.HasKey(a => a.Id);
        builder.Ignore(a => a.IsPublic);
        // A comma-separated list of names, as the profiles' languages.
        builder.Property(a => a.Audiences).HasNameListConversion();
    }
}
