using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        builder.Property(a => a.Audiences).HasConversion(
            values => string.Join(',', values),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Audience>).ToList(),
            new ValueComparer<List<Audience>>((l, r) => l!.SequenceEqual(r!), v => v.Aggregate(0, (h, a) => HashCode.Combine(h, a)), v => v.ToList()));
    }
}
